import type { Insertable } from 'kysely';
import type { Database, Db } from '../../server/db/database';
import type { Tables } from '../../server/db/tables';
import { seeded, type Rng } from '../../scripts/demo/random';
import type { Scale } from './scales';

/** One member as later generators need it. */
export interface MemberFact {
  id: string;
  name: string;
  teacher: boolean;
  active: boolean;
  groupId: string;
  userId: string;
  username: string;
}

export interface SchoolFact {
  id: string;
  /** Username prefix: `sch1` is the typical school, `hall` the 会场 school. */
  code: string;
  name: string;
  members: MemberFact[];
  groups: { id: string; name: string }[];
  chairUserId: string;
  /** 承办 handler accounts with the department each answers for. */
  handlers: { userId: string; name: string; department: string }[];
}

export interface SessionFact {
  id: string;
  school: SchoolFact;
  termId: string;
  year: number;
  date: string;
  /** Indexes into school.members. */
  delegates: number[];
}

/** What the generators share, in registry order (ground → congress → proposals → …). */
export interface World {
  schools: SchoolFact[];
  sessions: SessionFact[];
  /** School years (named by the year they start), oldest first. */
  years: number[];
}

export interface GenContext {
  db: Db;
  dialect: Database['dialect'];
  scale: Scale;
  rng: Rng;
  /** A deterministic, time-ordered UUIDv7-shaped id. */
  id(): string;
  /** Buffered multi-row insert; `flush()` writes what is left. */
  insert<T extends keyof Tables>(table: T, rows: Insertable<Tables[T]>[]): Promise<void>;
  flush(): Promise<void>;
  /** The argon2 hash of the bench password, computed once for every account. */
  passwordHash: string;
  world: World;
  /** Facts each capability records for its hot paths (ids, usernames), saved beside the dataset. */
  manifest: Record<string, unknown>;
}

// Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_PARAMS = { sqlite: 30_000, postgres: 60_000 };

export function createContext(database: Database, scale: Scale, passwordHash: string, seed: number): GenContext {
  const rng = seeded(seed);
  // Every buffer is written at once, in the order tables were first seen, so referenced rows go in first.
  const pending = new Map<keyof Tables, object[]>();
  let clock = Date.UTC(2014, 0, 1);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('');

  async function write(table: keyof Tables, rows: object[]) {
    const per = Math.max(1, Math.floor(MAX_PARAMS[database.dialect] / Object.keys(rows[0]).length));
    for (let i = 0; i < rows.length; i += per) await database.db.insertInto(table).values(rows.slice(i, i + per) as never).execute();
  }
  async function flush() {
    for (const [table, rows] of pending) if (rows.length) await write(table, rows.splice(0));
  }

  return {
    db: database.db,
    dialect: database.dialect,
    scale,
    rng,
    id() {
      const ms = (clock += 1).toString(16).padStart(12, '0');
      return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(3)}-${'89ab'[Math.floor(rng.next() * 4)]}${hex(3)}-${hex(12)}`;
    },
    async insert(table, rows) {
      const buf = pending.get(table) ?? [];
      if (!pending.has(table)) pending.set(table, buf);
      for (const r of rows) buf.push(r);
      if (buf.length >= 20_000) await flush();
    },
    flush,
    passwordHash,
    world: { schools: [], sessions: [], years: [] },
    manifest: {},
  };
}
