import { BENCH_PASSWORD, type PathRequest } from '../capability';

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** Signs the accounts in through the server's login route, a few at a time (argon2 is CPU-bound). */
export async function signIn(baseUrl: string, usernames: string[], concurrency = 4): Promise<Map<string, SignedIn>> {
  const out = new Map<string, SignedIn>();
  const queue = [...new Set(usernames)];
  const worker = async () => {
    for (let u = queue.shift(); u !== undefined; u = queue.shift()) {
      const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: BENCH_PASSWORD }) });
      const body = (await res.json()) as { csrfToken?: string };
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tx_sid='))?.split(';')[0];
      if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`sign-in of ${u} failed: ${res.status} ${JSON.stringify(body)}`);
      out.set(u, { cookie, csrf: body.csrfToken });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** The headers a browser would send for this request (session cookie, CSRF token on writes), plus the vars. */
export function headersFor(r: PathRequest, who: SignedIn | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (who) h.cookie = who.cookie;
  if (who && r.method !== 'GET') h['x-csrf-token'] = who.csrf;
  if (r.body !== undefined) h['content-type'] = 'application/json';
  if (r.vars) h['x-bench-vars'] = JSON.stringify(r.vars);
  return h;
}
