import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from '../../server/db/database';
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
  kysely(log: (e: LogEvent) => void): Database;
  close(): Promise<void>;
}

export async function openRaw(url: string): Promise<Raw> {
  return url.startsWith('sqlite:') ? openSqlite(url.slice('sqlite:'.length)) : openPostgres(url);
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
      return statements.map((s) => {
        const p = prepare(s.sql);
        if (p.reader) return p.all(...(s.params as unknown[]));
        p.run(...(s.params as unknown[]));
        return [];
      });
    },
    async explain(s) {
      const rows = conn.prepare(`explain query plan ${s.sql}`).all(...(s.params as unknown[])) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, -1]]);
      return rows.map((r) => (depth.set(r.id, (depth.get(r.parent) ?? -1) + 1), `${'  '.repeat(depth.get(r.id)!)}${r.detail}`)).join('\n');
    },
    kysely: (log) => ({ db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: conn }), log }), dialect: 'sqlite', close: async () => {} }),
    async close() {
      conn.close();
    },
  };
}

async function openPostgres(url: string): Promise<Raw> {
  // The server's pool size (openDatabase's default).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    dialect: 'postgres',
    async run(statements) {
      const client = await pool.connect();
      try {
        const out: unknown[][] = [];
        for (const s of statements) out.push((await client.query(s.sql, s.params as unknown[])).rows);
        return out;
      } finally {
        client.release();
      }
    },
    async explain(s) {
      const r = await pool.query(`explain ${s.sql}`, s.params as unknown[]);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    },
    kysely: (log) => ({ db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log }), dialect: 'postgres', close: async () => {} }),
    close: () => pool.end(),
  };
}
