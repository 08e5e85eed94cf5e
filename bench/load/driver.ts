import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { statementName, type Database, type Dialect } from '../../server/db/database';
import type { Tables } from '../../server/db/tables';

export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/**
 * The database driver itself (better-sqlite3 or a pg pool) with the server's settings, for the
 * database floor and EXPLAIN; `kysely()` puts a logging Kysely over it to capture what the app runs.
 */
export interface Raw {
  dialect: Dialect;
  /** Runs the statements in order on one connection; returns the rows of each. */
  run(statements: Statement[]): Promise<unknown[][]>;
  explain(s: Statement): Promise<string>;
  /** The dataset builder's bulk insert: rows of one table, every row with the same columns. */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  kysely(log: (e: LogEvent) => void): Database;
  close(): Promise<void>;
}

/** `bulkLoad`: the dataset build's PostgreSQL sessions skip the foreign-key triggers and the commit's flush. */
export async function openRaw(url: string, opts: { bulkLoad?: boolean } = {}): Promise<Raw> {
  return url.startsWith('sqlite:') ? openSqlite(url.slice('sqlite:'.length)) : openPostgres(url, opts.bulkLoad === true);
}

function openSqlite(file: string): Raw {
  const conn = new SQLite(file);
  // As server/db/database.ts opens it.
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = FULL');
  const prepared = new Map<string, SQLite.Statement>();
  const prepare = (s: string) => {
    let p = prepared.get(s);
    if (!p) prepared.set(s, (p = conn.prepare(s)));
    return p;
  };
  return {
    dialect: 'sqlite',
    async run(statements) {
      try {
        return statements.map((s) => {
          const p = prepare(s.sql);
          if (p.reader) return p.all(...(s.params as unknown[]));
          p.run(...(s.params as unknown[]));
          return [];
        });
      } catch (e) {
        // As the app's transaction does: a statement failing after `begin` (e.g. SQLITE_BUSY when a reset
        // wrote since its snapshot) rolls it back, or every later replay would fail inside it.
        if (conn.inTransaction) conn.exec('rollback');
        throw e;
      }
    },
    async explain(s) {
      const rows = conn.prepare(`explain query plan ${s.sql}`).all(...(s.params as unknown[])) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, -1]]);
      return rows.map((r) => (depth.set(r.id, (depth.get(r.parent) ?? -1) + 1), `${'  '.repeat(depth.get(r.id)!)}${r.detail}`)).join('\n');
    },
    // One prepared single-row INSERT per table, run for every row inside one transaction: SQLite's
    // fastest way in (a multi-row statement costs a parse of its whole text and a query builder's AST).
    async insert(table, rows) {
      const columns = Object.keys(rows[0]);
      const st = prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
      conn.transaction(() => {
        for (const r of rows) st.run(columns.map((c) => r[c] ?? null));
      })();
    },
    kysely: (log) => ({ db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: conn }), log }), dialect: 'sqlite', close: async () => {} }),
    async close() {
      conn.close();
    },
  };
}

async function openPostgres(url: string, bulkLoad: boolean): Promise<Raw> {
  // The server's pool size (openDatabase's default).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: bulkLoad ? await bulkLoadOptions(url) : undefined });
  return {
    dialect: 'postgres',
    async run(statements) {
      const client = await pool.connect();
      try {
        const out: unknown[][] = [];
        // Prepared per connection under the server's names, as the app's queries are (server/db/database.ts).
        for (const s of statements) {
          const name = statementName(s.sql);
          out.push((await client.query(name ? { name, text: s.sql, values: s.params as unknown[] } : { text: s.sql, values: s.params as unknown[] })).rows);
        }
        return out;
      } catch (e) {
        // Leave no aborted transaction on the pooled client (a warning only when none is open).
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    // The plan the server's prepared statement runs with: after five runs planned for their values, PostgreSQL
    // may keep one generic plan for any values, which need not be the plan for these. A read the server
    // names is prepared and run five times, then explained as the sixth run; a write, or a text the server
    // runs unnamed, is explained for its values (a write unrun).
    async explain(s) {
      const lines = (r: pg.QueryResult) => r.rows.map((x) => x['QUERY PLAN']).join('\n');
      const params = s.params as unknown[];
      if (!statementName(s.sql) || !/^\s*select\b/i.test(s.sql)) return lines(await pool.query(`explain ${s.sql}`, params));
      // Its own name for each text (a name is this connection's for good: pg parses a name once).
      const name = `explain_${createHash('sha1').update(s.sql).digest('hex').slice(0, 24)}`;
      const client = await pool.connect();
      try {
        for (let k = 0; k < 5; k++) await client.query({ name, text: s.sql, values: params });
        // As pg sends them: text, cast to each parameter's type (a number quoted too), null for none.
        const values = params.map((v) => {
          if (typeof v === 'object' && v !== null) throw new Error(`explain: a read's parameter is not a scalar: ${s.sql}`);
          return v == null ? 'null' : client.escapeLiteral(String(v));
        });
        return lines(await client.query(`explain execute ${name}${values.length ? `(${values.join(', ')})` : ''}`));
      } finally {
        client.release();
      }
    },
    // Multi-row INSERTs of up to 60,000 parameters (PostgreSQL takes 65,535), written out by hand.
    async insert(table, rows) {
      const columns = Object.keys(rows[0]);
      const list = columns.map((c) => `"${c}"`).join(', ');
      // One JSON parameter per batch, typed by the table's own row type: PostgreSQL parses it far faster
      // than a VALUES list of tens of thousands of parameters (bytes have no JSON form: those take VALUES).
      if (!rows.some((r) => columns.some((c) => Buffer.isBuffer(r[c])))) {
        for (let i = 0; i < rows.length; i += 5_000) {
          await pool.query(`insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1)`, [JSON.stringify(rows.slice(i, i + 5_000))]);
        }
        return;
      }
      const per = Math.floor(60_000 / columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const params: unknown[] = [];
        const values = rows.slice(i, i + per).map((r) => `(${columns.map((c) => (params.push(r[c] ?? null), `$${params.length}`)).join(',')})`);
        await pool.query(`insert into "${table}" (${list}) values ${values.join(',')}`, params);
      }
    },
    kysely: (log) => ({ db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log }), dialect: 'postgres', close: async () => {} }),
    close: () => pool.end(),
  };
}

/**
 * As pg_restore --disable-triggers: a throw-away build need not check each row's references one by one
 * (the same generators run on SQLite with foreign_keys = ON, which does check them), nor wait for each
 * batch's WAL flush. Skipping the triggers takes superuser rights; without them only the flush is skipped.
 */
async function bulkLoadOptions(url: string): Promise<string> {
  const all = '-c synchronous_commit=off -c session_replication_role=replica';
  const probe = new pg.Client({ connectionString: url, options: all });
  try {
    await probe.connect();
    return all;
  } catch {
    return '-c synchronous_commit=off';
  } finally {
    await probe.end().catch(() => {});
  }
}
