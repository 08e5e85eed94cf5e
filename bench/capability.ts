import type { Db } from '../server/db/database';
import type { GenContext } from './dataset/context';

/** Every bench account signs in with this password (hashed once per dataset). */
export const BENCH_PASSWORD = 'Bench2025!';

export interface PathRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** Which of the path's accounts sends it (index into `accounts`); none for a public route. */
  as?: number;
  /**
   * The values that change from one request to the next (a voter, a username). The database floor
   * replays the path's SQL with these in place of the captured ones.
   */
  vars?: Record<string, string>;
}

/** One hot path, driven by autocannon against the real server and against both floors. */
export interface BenchPath {
  name: string;
  kind: 'read' | 'write';
  /** Usernames signed in before the run. */
  accounts: string[];
  request(i: number): PathRequest;
  /** How many requests the data allows (e.g. unused ballots); the run stops there. */
  limit?: number;
  /** Puts the data back before each run that writes (e.g. un-votes the bench votes). */
  reset?(db: Db): Promise<void>;
  /** One of the main read paths compared across scales and EXPLAINed. */
  main?: boolean;
}

/**
 * Many signed-in users sending one request each at the same moment (500 delegates casting their
 * ballot): all must be accepted and stored, none lost.
 */
export interface Burst {
  name: string;
  /** One request per account, all at once. */
  accounts: string[];
  request(k: number): PathRequest;
  reset(db: Db): Promise<void>;
  /** How many of the requests the database holds afterwards. */
  stored(db: Db): Promise<number>;
}

/**
 * A capability's part of the suite: its records in the dataset and its hot paths. A new capability
 * (校务公开, 意见箱, 慰问, cases …) adds one of these to CAPABILITIES in registry.ts.
 */
export interface Capability {
  name: string;
  /** Adds this capability's records; runs after the capabilities listed before it. */
  generate?(g: GenContext): Promise<void>;
  /** Its hot paths, from the facts its generator recorded in the manifest. */
  paths?(manifest: Record<string, any>): BenchPath[];
  bursts?(manifest: Record<string, any>): Burst[];
}
