import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in, when not the default. */
  schema?: string;
  /** PostgreSQL: from now on keep each query prepared per connection (migrate() calls it when done). */
  reuseStatements?(): void;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; we only ever count rows, which fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  /** PostgreSQL only: put every table in this schema (tests use one schema per app). */
  schema?: string;
  poolSize?: number;
}

export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Database> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  return openPostgres(url, opts);
}

/** How long a SQLite statement waits for another connection's lock before it fails. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Kysely prepares every statement anew, which costs as much as a small indexed query. The app runs the same
 * few hundred SQL texts over and over: keep the most recent prepared (better-sqlite3 re-prepares one itself
 * if the schema changes). Statements run one at a time on this one connection, so one is never in use twice.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement); // most recently used last
      return statement;
    },
  };
}

/** Per SQLite handle: runs one statement on its connection at once, or answers null where it may not. */
const immediate = new WeakMap<Db, (sql: string, parameters: readonly unknown[]) => unknown[] | null>();

/**
 * SQLite: the rows of one statement run on the connection at once, skipping Kysely's executor (its
 * connection lock and chain of promises: ~2 µs a query, 14 µs of a six-query page's 147). Null where
 * it must go through Kysely: PostgreSQL, a transaction's handle, or a transaction open on the connection
 * (another request's, awaiting inside it: this statement must not see its uncommitted rows). Safe because
 * better-sqlite3 runs a statement to its end synchronously: nothing interleaves with it.
 */
export function runAtOnce(db: Db, sql: string, parameters: readonly unknown[]): unknown[] | null {
  return immediate.get(db)?.(sql, parameters) ?? null;
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // FULL, not NORMAL: this database will hold votes and money; a power cut must not lose a committed ballot.
  sqlite.pragma('synchronous = FULL');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: statements }) });
  immediate.set(db, (text, parameters) => {
    if (sqlite.inTransaction) return null;
    const statement = statements.prepare(text);
    if (statement.reader) return statement.all(parameters) as unknown[];
    statement.run(parameters);
    return [];
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const statementNames = new Map<string, string>();
/** More distinct texts than the app has (a list of ids spelled out, say) run unprepared. */
const MAX_NAMED_STATEMENTS = 2000;

/**
 * A name for a query text, so that each PostgreSQL connection parses and plans it once and then only binds
 * it: planning the app's joins costs about as much as running them (1.3 ms plan, 1.2 ms run for the care
 * list on the city data). Only queries: a statement prepared before a table changes would keep its old row.
 */
export function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS && /^\s*(select|insert|update|delete|with)\b/i.test(text)) {
    name = `tx_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** The pool as Kysely sees it: its clients send the queries under their names once `reuse.on` is set. */
function preparingPool(pool: pg.Pool, reuse: { on: boolean }) {
  const named = new WeakSet<pg.PoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      if (!named.has(client)) {
        named.add(client);
        const query = client.query.bind(client) as Query;
        (client as unknown as { query: Query }).query = (text, values) => {
          const name = reuse.on && typeof text === 'string' ? statementName(text) : undefined;
          return name ? query({ name, text, values } as unknown as string) : query(text, values);
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  if (opts.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`bad schema name ${opts.schema}`);
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } finally {
      client.release();
    }
  }
  const reuse = { on: false };
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparingPool(pool, reuse) }) });
  return { db, dialect: 'postgres', schema: opts.schema, reuseStatements: () => void (reuse.on = true), close: () => db.destroy() };
}

/**
 * After a bulk write (a roster import): PostgreSQL reads the tables' statistics afresh, which also drops the
 * plans its connections keep for their named statements. A plan made while a school's tables were nearly
 * empty (a scan) otherwise stays until autovacuum next analyzes them: the same 10,000-row roster imported
 * again took 5.1 s instead of 1.0 s. SQLite keeps no statistics the app's plans depend on.
 */
export async function refreshStatistics(database: Database, tables: readonly string[]): Promise<void> {
  if (database.dialect === 'postgres') await sql`analyze ${sql.raw(tables.join(', '))}`.execute(database.db);
}

/**
 * Outside any transaction, after writes whose order must not be kept (anonymous letters, secret ballots):
 * PostgreSQL drops the tables' dead row versions; SQLite folds the write-ahead log into the file and
 * truncates it, so the log no longer holds the new pages in commit order. SQLite does not wait for a reader
 * on another connection (a backup in progress): better-sqlite3 would wait inside the event loop and stall
 * every request. It answers false then, and the caller's next such write, or the nightly job, tries again.
 */
export async function compact(database: Database, tables: readonly string[]): Promise<boolean> {
  if (database.dialect === 'postgres') {
    await sql`vacuum ${sql.raw(tables.join(', '))}`.execute(database.db);
    return true;
  }
  await sql`pragma busy_timeout = 0`.execute(database.db);
  try {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(database.db);
    return rows[0]?.busy === 0;
  } finally {
    await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(database.db);
  }
}
