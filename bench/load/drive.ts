import autocannon from 'autocannon';
import type { BenchPath } from '../capability';
import { middleBy } from '../median';
import { headersFor, type SignedIn } from './clients';

export const CONNECTIONS = 16;

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  /** Answers outside 2xx, plus socket errors and timeouts: a run with any is flagged. */
  failed: number;
  /** Count per HTTP status, to tell what failed. */
  statuses: Record<string, number>;
}

/**
 * Drives one path with autocannon at 16 connections for `seconds` (or `amount` requests), request i
 * from `path.request(i)` sent as its account. `to` rewrites the URL (the floors answer under /fw/… and /db/…).
 */
export async function drive(baseUrl: string, path: BenchPath, signed: Map<string, SignedIn>, run: { seconds: number; amount?: number }, to: (url: string) => string = (u) => u): Promise<Measured> {
  let i = 0;
  // `amount` ends the run as soon as it is reached; `maxOverallRequests` only caps a timed run.
  const cap = (n: number) => Math.max(CONNECTIONS, n);
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: run.seconds,
    // autocannon notices the end of a run on its sampling tick (1 s by default).
    sampleInt: 100,
    ...(run.amount ? { amount: cap(Math.min(run.amount, path.limit ?? Infinity)) } : path.limit ? { maxOverallRequests: cap(path.limit) } : {}),
    requests: [
      {
        setupRequest: (req: any) => {
          const r = path.request(i++);
          const who = r.as === undefined ? undefined : signed.get(path.accounts[r.as]);
          return { ...req, method: r.method, path: to(r.url), headers: headersFor(r, who), body: r.body === undefined ? undefined : JSON.stringify(r.body) };
        },
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}

/** A path's rounds as one figure: the middle round's rate and p50, the worst round's p99, and every request and failure. */
export function combine(rounds: Measured[]): Measured {
  const statuses: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    ...middleBy(rounds, (r) => r.rps),
    p99: Math.max(...rounds.map((r) => r.p99)),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    failed: rounds.reduce((n, r) => n + r.failed, 0),
    statuses,
  };
}
