import http from 'node:http';
import type { Db } from '../../server/db/database';
import type { Burst } from '../capability';
import { headersFor, type SignedIn } from './clients';
import { middleBy } from '../median';

export interface BurstResult {
  name: string;
  /** p99 of the warm-up burst before the measured ones (the code path's first run in this process). */
  warmupP99: number;
  /** p99 of each measured burst; the other fields are the median one's. */
  runsP99: number[];
  sent: number;
  accepted: number;
  stored: number;
  p50: number;
  p99: number;
  max: number;
  wallMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function send(agent: http.Agent, base: URL, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A warm-up burst, as every path has its warm-up, then `runs` measured ones from a reset each time;
 * answers the median one (by p99), with every p99 beside it.
 */
export async function runBursts(baseUrl: string, burst: Burst, signed: Map<string, SignedIn>, db: Db, runs = 3): Promise<BurstResult> {
  const warmup = await runBurst(baseUrl, burst, signed, db);
  const measured: Omit<BurstResult, 'warmupP99' | 'runsP99'>[] = [];
  for (let k = 0; k < runs; k++) measured.push(await runBurst(baseUrl, burst, signed, db));
  const median = middleBy(measured, (m) => m.p99);
  // Every burst must be whole: the one judged is the median, but a lost ballot in any run shows.
  const worst = measured.find((m) => m.stored !== m.sent || m.accepted !== m.sent) ?? median;
  return { ...(worst === median ? median : worst), warmupP99: warmup.p99, runsP99: measured.map((m) => m.p99) };
}

/**
 * Each signed-in client first opens its connection (as a phone that has the page open), then all of
 * them send their request in the same tick. Counts what was accepted and what the database holds.
 */
async function runBurst(baseUrl: string, burst: Burst, signed: Map<string, SignedIn>, db: Db): Promise<Omit<BurstResult, 'warmupP99' | 'runsP99'>> {
  const n = burst.accounts.length;
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  await burst.reset(db);
  try {
    await Promise.all(burst.accounts.map(() => send(agent, base, 'GET', '/api/health', {})));
    const t0 = performance.now();
    const answers = await Promise.all(
      burst.accounts.map((u, k) => {
        const r = burst.request(k);
        return send(agent, base, r.method, r.url, headersFor(r, signed.get(u)), r.body === undefined ? undefined : JSON.stringify(r.body));
      }),
    );
    const wallMs = performance.now() - t0;
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    return {
      name: burst.name,
      sent: n,
      accepted: answers.filter((a) => a.status >= 200 && a.status < 300).length,
      stored: await burst.stored(db),
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: ms[ms.length - 1],
      wallMs,
    };
  } finally {
    agent.destroy();
  }
}
