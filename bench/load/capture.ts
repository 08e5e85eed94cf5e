import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { BenchPath, PathRequest } from '../capability';
import { headersFor, type SignedIn } from './clients';
import type { Raw, Statement } from './driver';

/** What one request did: its SQL in order, and the answer it got. */
export interface Capture {
  statements: Statement[];
  status: number;
  contentType: string;
  body: Buffer;
}

/** A parameter of a replayed statement: fixed, one of the request's vars, or made fresh per replay. */
export type Param = { c: unknown } | { v: string } | { f: string };
export interface FloorStatement {
  sql: string;
  params: Param[];
}
/** Everything the floors need for one path. */
export interface FloorSpec {
  statements: FloorStatement[];
  status: number;
  contentType: string;
  body: string;
}

/**
 * The app itself (buildApp, same services) over a logging Kysely on the same database, driven with
 * app.inject: it records the SQL each path runs, for the database floor and for EXPLAIN.
 */
export async function openCapture(raw: Raw, databaseUrl: string) {
  let current: Statement[] | null = null;
  const database = raw.kysely((e) => current?.push({ sql: e.query.sql, params: e.query.parameters }));
  const app: FastifyInstance = await buildApp(loadConfig({ DATABASE_URL: databaseUrl, WEB_DIST: '', LOG_LEVEL: 'silent' }), database);
  await app.ready();

  async function capture(r: PathRequest, who: SignedIn | undefined): Promise<Capture> {
    current = [];
    const res = await app.inject({ method: r.method, url: r.url, headers: headersFor(r, who), ...(r.body !== undefined ? { payload: JSON.stringify(r.body) } : {}) });
    const statements = current;
    current = null;
    return { statements, status: res.statusCode, contentType: String(res.headers['content-type'] ?? 'application/json'), body: res.rawPayload };
  }

  // Every request of a signed-in user starts with the session lookup; the floors leave it out.
  let sessionSql: Set<string> | null = null;
  async function sessionLookup(who: SignedIn): Promise<Set<string>> {
    return (sessionSql ??= new Set((await capture({ method: 'GET', url: '/api/auth/me' }, who)).statements.map((s) => s.sql)));
  }

  return {
    capture,
    sessionLookup,
    /**
     * Captures the path twice (its requests 0 and 1) and works out, for each parameter, whether it is
     * fixed, one of the request's vars, or made per request (ids, tokens, times). Also returns the
     * first request's own statements (without the session lookup) for EXPLAIN.
     */
    async floorSpec(path: BenchPath, signed: Map<string, SignedIn>): Promise<{ spec: FloorSpec; statements: Statement[] }> {
      const reqs = [path.request(0), path.request(1)];
      const who = (r: PathRequest) => (r.as === undefined ? undefined : signed.get(path.accounts[r.as]));
      const skip = who(reqs[0]) ? await sessionLookup(who(reqs[0])!) : new Set<string>();
      await capture(reqs[0], who(reqs[0])); // warms any lazy work; writes are reset by the runner
      if (path.reset) await path.reset(database.db);
      const [a, b] = [await capture(reqs[0], who(reqs[0])), await capture(reqs[1], who(reqs[1]))];
      if (path.reset) await path.reset(database.db);
      if (a.status >= 400) throw new Error(`${path.name}: ${reqs[0].method} ${reqs[0].url} answered ${a.status} ${a.body.toString().slice(0, 300)}`);
      const own = (c: Capture) => {
        let i = 0;
        while (i < c.statements.length && skip.has(c.statements[i].sql)) i++;
        return c.statements.slice(i);
      };
      // Queries a request runs side by side (Promise.all) may finish in either order: pair them by text.
      const sa = own(a);
      const rest = own(b);
      const sb = sa.map((s) => {
        const k = rest.findIndex((x) => x.sql === s.sql);
        return k < 0 ? undefined : rest.splice(k, 1)[0];
      });
      if (rest.length || sb.includes(undefined)) throw new Error(`${path.name}: two requests ran different SQL; the floor cannot replay it`);
      const varsA = reqs[0].vars ?? {};
      const varsB = reqs[1].vars ?? {};
      const statements = sa.map((s, i) => ({
        sql: s.sql,
        params: s.params.map((va, k): Param => {
          const vb = sb[i]!.params[k];
          const name = Object.keys(varsA).find((n) => varsA[n] === va && varsB[n] === vb);
          if (name) return { v: name };
          return va === vb || typeof va !== 'string' ? { c: va } : { f: va };
        }),
      }));
      return { spec: { statements, status: a.status, contentType: a.contentType, body: a.body.toString('base64') }, statements: sa };
    },
    close: () => app.close(),
  };
}
export type CaptureApp = Awaited<ReturnType<typeof openCapture>>;
