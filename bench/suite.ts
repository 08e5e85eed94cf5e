import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchPath } from './capability';
import type { Meta, Target } from './dataset/target';
import { runBursts, type BurstResult } from './load/burst';
import { openCapture, type FloorSpec } from './load/capture';
import { startChild, type Child } from './load/child';
import { between } from './load/stats';
import { signIn } from './load/clients';
import { combine, drive, type Measured } from './load/drive';
import { openRaw, type Statement } from './load/driver';
import { middleBy } from './median';
import { CAPABILITIES } from './registry';

export interface Timing {
  /** Seconds measured per round, and the warm-up before the first. */
  seconds: number;
  warmup: number;
  /** Seconds for each floor round (defaults to `seconds`). */
  floorSeconds?: number;
  /** Rounds of the app and its database floor in turn (default 1); the framework floor is run once. */
  rounds?: number;
  /** Stop each run after this many requests instead (the smoke test: autocannon counts whole seconds). */
  amount?: number;
  /** Measure the floors of the main paths only (the quick run: under five minutes for both databases). */
  mainFloorsOnly?: boolean;
}

export interface PathResult {
  name: string;
  kind: 'read' | 'write';
  main: boolean;
  app: Measured;
  fw?: Measured;
  db?: Measured;
  /** Why a floor is missing. */
  note?: string;
}

export interface Explained {
  path: string;
  sql: string;
  plan: string;
}

export interface DialectRun {
  dialect: Target['dialect'];
  scale: string;
  paths: PathResult[];
  bursts: BurstResult[];
  explains: Explained[];
}

export const pathsOf = (meta: Meta): BenchPath[] => CAPABILITIES.flatMap((c) => c.paths?.(meta.manifest) ?? []);

/**
 * One database: starts the real server on the dataset, signs the accounts in, measures every path and
 * its two floors, then the bursts, and EXPLAINs the main paths' SQL. `only` keeps the paths and bursts it
 * accepts by name.
 */
export async function runDialect(
  t: Target,
  meta: Meta,
  timing: Timing,
  opts: { only?: (name: string) => boolean; log?: (s: string) => void } = {},
): Promise<DialectRun> {
  const log = opts.log ?? (() => {});
  const only = opts.only ?? (() => true);
  const paths = pathsOf(meta).filter((p) => only(p.name));
  const bursts = CAPABILITIES.flatMap((c) => c.bursts?.(meta.manifest) ?? []).filter((b) => only(b.name));
  const server = await startChild('server', [], { DATABASE_URL: t.url, WEB_DIST: '' });
  const raw = await openRaw(t.url);
  const admin = raw.kysely(() => {}).db;
  const capture = await openCapture(raw, t.url);
  let floors: Child | undefined;
  const specFile = path.join(os.tmpdir(), `tongxin-bench-floors-${process.pid}.json`);
  try {
    log(`signing in ${new Set([...paths, ...bursts].flatMap((p) => p.accounts)).size} accounts …`);
    const signed = await signIn(server.url, [...paths, ...bursts].flatMap((p) => p.accounts));

    const specs: Record<string, FloorSpec> = {};
    const captured = new Map<string, Statement[]>();
    const notes = new Map<string, string>();
    for (const [k, p] of paths.entries()) {
      try {
        const { spec, statements } = await capture.floorSpec(p, signed);
        specs[k] = spec;
        captured.set(p.name, statements);
      } catch (e) {
        notes.set(p.name, (e as Error).message);
      }
    }
    fs.writeFileSync(specFile, JSON.stringify({ databaseUrl: t.url, paths: specs }));
    floors = await startChild('floors', [specFile], {});

    // A write's requests still in flight when a timed run stops land later: let them, before the next reset
    // (a run of `amount` requests ends with its last answer).
    const settle = async (p: BenchPath, m: Measured, timed: boolean) => {
      if (p.reset && timed) await new Promise((r) => setTimeout(r, Math.max(500, 2 * m.p99)));
    };
    const warm = async (base: string, p: BenchPath, to?: (u: string) => string) => {
      if (timing.warmup <= 0) return;
      await p.reset?.(admin);
      await settle(p, await drive(base, p, signed, { seconds: timing.warmup }, to), true);
    };
    const once = async (base: string, p: BenchPath, seconds: number, to?: (u: string) => string) => {
      await p.reset?.(admin);
      const m = await drive(base, p, signed, { seconds, amount: timing.amount }, to);
      await settle(p, m, !timing.amount);
      return m;
    };
    // Each process's heap, GC and busy share over a measurement, and the host's load: logged beside the
    // figures, to tell a path slowed by the server's age from one slowed by the host.
    const watched = async (child: Child, run: () => Promise<Measured>) => {
      const before = await child.stats();
      const m = await run();
      const d = between(before, await child.stats());
      return { m, seen: `GC ${(100 * d.gc).toFixed(1)}%, busy ${(100 * d.busy).toFixed(0)}%, heap ${d.heapMB.toFixed(0)} MB` };
    };
    const rounds = timing.rounds ?? 1;
    const floorSeconds = timing.floorSeconds ?? timing.seconds;
    const results: PathResult[] = [];
    for (const [k, p] of paths.entries()) {
      const withFloors = !!specs[k] && (p.main || !timing.mainFloorsOnly);
      const db = () => `/db/${k}`;
      // The app and its database floor take turns, so that the host's drift over a round weighs on both.
      await warm(server.url, p);
      if (withFloors) await warm(floors.url, p, db);
      const appRounds: { m: Measured; seen: string }[] = [];
      const dbRounds: { m: Measured; seen: string }[] = [];
      for (let round = 0; round < rounds; round++) {
        appRounds.push(await watched(server, () => once(server.url, p, timing.seconds)));
        if (withFloors) dbRounds.push(await watched(floors, () => once(floors!.url, p, floorSeconds, db)));
      }
      const r: PathResult = { name: p.name, kind: p.kind, main: !!p.main, app: combine(appRounds.map((x) => x.m)), note: notes.get(p.name) };
      const middle = (xs: typeof appRounds) => middleBy(xs, (x) => x.m.rps).seen;
      let floorSeen = '';
      if (withFloors) {
        r.db = combine(dbRounds.map((x) => x.m));
        await warm(floors.url, p, () => `/fw/${k}`);
        r.fw = await once(floors.url, p, floorSeconds, () => `/fw/${k}`);
        floorSeen = `; db floor: ${middle(dbRounds)}`;
      }
      await p.reset?.(admin);
      const each = rounds > 1 && r.db ? `, rounds ${appRounds.map((x, i) => (x.m.rps / dbRounds[i].m.rps).toFixed(2)).join(' / ')} of the floor` : '';
      log(`  ${p.name}: ${r.app.rps.toFixed(0)} req/s, p99 ${r.app.p99} ms${r.db ? ` (db floor ${r.db.rps.toFixed(0)} req/s${each})` : ''}`);
      log(`    server: ${middle(appRounds)}${floorSeen}; host load ${os.loadavg()[0].toFixed(1)}`);
      results.push(r);
    }

    const burstResults: BurstResult[] = [];
    for (const b of bursts) {
      const r = await runBursts(server.url, b, signed, admin);
      log(`  ${b.name}: ${r.accepted}/${r.sent} accepted, ${r.stored} stored, p99 ${r.p99.toFixed(0)} ms`);
      burstResults.push(r);
      await b.reset(admin);
    }

    const explains: Explained[] = [];
    const someone = [...signed.values()][0];
    const session = someone ? [...(await capture.sessionLookup(someone))] : [];
    const seen = new Set<string>();
    const plan = async (name: string, s: Statement) => {
      if (seen.has(s.sql) || /^(begin|commit|rollback)/i.test(s.sql)) return;
      seen.add(s.sql);
      explains.push({ path: name, sql: s.sql, plan: await raw.explain(s) });
    };
    const me = someone ? (await capture.capture({ method: 'GET', url: '/api/auth/me' }, someone)).statements : [];
    for (const s of me.filter((x) => session.includes(x.sql))) await plan('every signed-in request: session lookup', s);
    for (const p of paths.filter((x) => x.main)) for (const s of captured.get(p.name) ?? []) await plan(p.name, s);
    return { dialect: t.dialect, scale: t.scale.name, paths: results, bursts: burstResults, explains };
  } finally {
    await floors?.stop();
    fs.rmSync(specFile, { force: true });
    await capture.close();
    await raw.close();
    await server.stop();
  }
}
