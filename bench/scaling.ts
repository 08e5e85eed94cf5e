// How cost grows: the main read paths at each size, one server per size, measured interleaved (each path at
// every size in turn, ROUNDS times, the median kept) so that the host's load, which drifts over a long run,
// weighs on every size alike. Measured one size after another, the school's figures moved 30% between runs
// minutes apart, more than the growth being measured.
import type { BenchPath } from './capability';
import type { Meta, Target } from './dataset/target';
import { startChild, type Child } from './load/child';
import { signIn, type SignedIn } from './load/clients';
import { drive } from './load/drive';
import { median } from './median';
import { pathsOf } from './suite';

export const ROUNDS = 3;

export interface Size {
  label: string;
  target: Target;
  meta: Meta;
}

/** One path at one size: ms per request (1000 ÷ req/s at 16 connections), the median of the rounds. */
export interface Grown {
  ms: number;
  rounds: number[];
  failed: number;
}

/** Path name → size label → what it cost there. */
export async function measureScaling(
  sizes: Size[],
  timing: { seconds: number; warmup: number; amount?: number },
  log: (s: string) => void = () => {},
): Promise<Map<string, Map<string, Grown>>> {
  const running: { size: Size; server: Child; signed: Map<string, SignedIn>; paths: BenchPath[] }[] = [];
  try {
    for (const size of sizes) {
      const server = await startChild('server', [], { DATABASE_URL: size.target.url, WEB_DIST: '' });
      const paths = pathsOf(size.meta).filter((p) => p.main);
      running.push({ size, server, paths, signed: await signIn(server.url, paths.flatMap((p) => p.accounts)) });
    }
    const out = new Map<string, Map<string, Grown>>();
    for (const name of running[0]?.paths.map((p) => p.name) ?? []) {
      const at = running.flatMap((r) => {
        const path = r.paths.find((p) => p.name === name);
        return path ? [{ ...r, path, rounds: [] as number[], failed: 0 }] : [];
      });
      if (timing.warmup > 0) for (const r of at) await drive(r.server.url, r.path, r.signed, { seconds: timing.warmup });
      for (let round = 0; round < ROUNDS; round++) {
        for (const r of at) {
          const m = await drive(r.server.url, r.path, r.signed, { seconds: timing.seconds, amount: timing.amount });
          r.rounds.push(1000 / m.rps);
          r.failed += m.failed;
        }
      }
      const grown = new Map(at.map((r) => [r.size.label, { ms: median(r.rounds), rounds: r.rounds, failed: r.failed }]));
      out.set(name, grown);
      log(`  ${name}: ${[...grown].map(([label, g]) => `${label} ${g.ms.toFixed(2)} ms (${g.rounds.map((x) => x.toFixed(2)).join(', ')})${g.failed ? `, ${g.failed} failed` : ''}`).join('; ')}`);
    }
    return out;
  } finally {
    for (const r of running) await r.server.stop();
  }
}
