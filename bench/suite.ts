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
import { drive, type Measured } from './load/drive';
import { openRaw, type Statement } from './load/driver';
import { CAPABILITIES } from './registry';

export interface Timing {
  /** Seconds measured per run, and the warm-up before each. */
  seconds: number;
  warmup: number;
  /** Seconds for each floor run (defaults to `seconds`). */
  floorSeconds?: number;
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

    const measure = async (base: string, p: BenchPath, seconds: number, to?: (u: string) => string) => {
      await p.reset?.(admin);
      if (timing.warmup > 0) {
        const warm = await drive(base, p, signed, { seconds: timing.warmup }, to);
        // Requests still in flight when autocannon stops land later: let them, before the reset.
        if (p.reset) await new Promise((r) => setTimeout(r, Math.max(500, 2 * warm.p99)));
      }
      await p.reset?.(admin);
      return drive(base, p, signed, { seconds, amount: timing.amount }, to);
    };
    const results: PathResult[] = [];
    // Each process's heap, GC and busy share over a measurement, and the host's load: logged beside the
    // figures, to tell a path slowed by the server's age from one slowed by the host.
    const watched = async <T>(child: Child, run: () => Promise<T>) => {
      const before = await child.stats();
      const out = await run();
      const d = between(before, await child.stats());
      return { out, seen: `GC ${(100 * d.gc).toFixed(1)}%, busy ${(100 * d.busy).toFixed(0)}%, heap ${d.heapMB.toFixed(0)} MB` };
    };
    for (const [k, p] of paths.entries()) {
      const app = await watched(server, () => measure(server.url, p, timing.seconds));
      const r: PathResult = { name: p.name, kind: p.kind, main: !!p.main, app: app.out, note: notes.get(p.name) };
      let floorSeen = '';
      if (specs[k] && (p.main || !timing.mainFloorsOnly)) {
        const fs = timing.floorSeconds ?? timing.seconds;
        r.fw = await measure(floors.url, p, fs, () => `/fw/${k}`);
        const db = await watched(floors, () => measure(floors!.url, p, fs, () => `/db/${k}`));
        r.db = db.out;
        floorSeen = `; db floor: ${db.seen}`;
      }
      await p.reset?.(admin);
      log(`  ${p.name}: ${r.app.rps.toFixed(0)} req/s, p99 ${r.app.p99} ms${r.db ? ` (db floor ${r.db.rps.toFixed(0)} req/s)` : ''}`);
      log(`    server: ${app.seen}${floorSeen}; host load ${os.loadavg()[0].toFixed(1)}`);
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
