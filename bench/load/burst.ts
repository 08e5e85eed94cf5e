import http from 'node:http';
import type { Db } from '../../server/db/database';
import type { Burst } from '../capability';
import { headersFor, type SignedIn } from './clients';

export interface BurstResult {
  name: string;
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
 * Each signed-in client first opens its connection (as a phone that has the page open), then all of
 * them send their request in the same tick. Counts what was accepted and what the database holds.
 */
export async function runBurst(baseUrl: string, burst: Burst, signed: Map<string, SignedIn>, db: Db): Promise<BurstResult> {
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
