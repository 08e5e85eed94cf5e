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
  female: boolean;
  birthDate: string;
  /** The roster's 困难 mark: the members with a 困难档案. */
  hardship: 'none' | 'ordinary' | 'severe';
}

/** The union's officers of a school, each a member with an account holding that role. */
export interface Officers {
  chair: MemberFact;
  committee: MemberFact[];
  /** 校长 (reads the mail to the principal); also heads the 校长办公室. */
  principal: MemberFact;
  /** 校务公开监督小组 */
  supervisor: MemberFact;
  /** 权益保障委员 */
  rights: MemberFact;
  /** 生活福利委员 */
  welfare: MemberFact;
  /** 财务委员 */
  treasurer: MemberFact;
}

export interface SchoolFact {
  id: string;
  /** Username prefix: `sch1` is the typical school, `hall` the 会场 school. */
  code: string;
  name: string;
  members: MemberFact[];
  groups: { id: string; name: string }[];
  chairUserId: string;
  officers: Officers;
  /** 承办 handler accounts with the department (a row of `departments`) each answers for. */
  handlers: { userId: string; name: string; department: string; departmentId: string }[];
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
  /** A deterministic random key in base64url (as the app's randomToken): for rows whose order must not show. */
  token(bytes?: number): string;
  /** Buffered bulk insert (the driver's, bench/load/driver.ts); `flush()` writes what is left. */
  insert<T extends keyof Tables>(table: T, rows: Insertable<Tables[T]>[]): Promise<void>;
  flush(): Promise<void>;
  /** The argon2 hash of the bench password, computed once for every account. */
  passwordHash: string;
  world: World;
  /** Facts each capability records for its hot paths (ids, usernames), saved beside the dataset. */
  manifest: Record<string, unknown>;
}

/** Runs `make` for each school in turn; answers the typical school (`sch1`, where the paths sign in) and what `make` gave it. */
export async function eachSchool<T>(g: GenContext, make: (school: SchoolFact) => Promise<T>): Promise<{ typical: SchoolFact; made: T }> {
  let typical: { typical: SchoolFact; made: T } | undefined;
  for (const school of g.world.schools) {
    const made = await make(school);
    if (school.code === 'sch1') typical = { typical: school, made };
  }
  return typical!;
}

/** Writes rows of one table in bulk (the driver's insert, bench/load/driver.ts). */
export type BulkInsert = (table: string, rows: Record<string, unknown>[]) => Promise<void>;

export function createContext(database: Database, write: BulkInsert, scale: Scale, passwordHash: string, seed: number): GenContext {
  const rng = seeded(seed);
  // Every buffer is written at once, in the order tables were first seen, so referenced rows go in first.
  const pending = new Map<keyof Tables, Record<string, unknown>[]>();
  let clock = Date.UTC(2014, 0, 1);
  /** Eight random hex digits (the generator's 32 bits) at a time. */
  const hex8 = () => Math.floor(rng.next() * 0x1_0000_0000).toString(16).padStart(8, '0');

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
      const [a, b, c] = [hex8(), hex8(), hex8()];
      return `${ms.slice(0, 8)}-${ms.slice(8)}-7${a.slice(0, 3)}-${'89ab'[parseInt(a[3], 16) & 3]}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
    },
    token(bytes = 16) {
      return Buffer.from(Array.from({ length: bytes }, () => Math.floor(rng.next() * 256))).toString('base64url');
    },
    async insert(table, rows) {
      const buf = pending.get(table) ?? [];
      if (!pending.has(table)) pending.set(table, buf);
      for (const r of rows) buf.push(r as Record<string, unknown>);
      if (buf.length >= 20_000) await flush();
    },
    flush,
    passwordHash,
    world: { schools: [], sessions: [], years: [] },
    manifest: {},
  };
}
