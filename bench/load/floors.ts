// The two floors, in a process of their own like the server (run by the bench with a spec file):
//   /fw/:key — a bare Fastify route answering the path's captured bytes from memory;
//   /db/:key — a bare Fastify route running the path's captured SQL on the same driver (no sign-in,
//              no validation, no app code), with the request's vars and fresh ids/times in place.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { FloorSpec } from './capture';
import { openRaw } from './driver';
import { answerStats } from './stats';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as { databaseUrl: string; paths: Record<string, FloorSpec> };
const raw = await openRaw(spec.databaseUrl);
const app = Fastify();

/** A new value shaped like the captured one: a time now, a UUIDv7, or random text of the same length. */
function fresh(captured: string): string {
  if (/^\d{4}-\d\d-\d\dT/.test(captured)) return new Date().toISOString();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(captured)) return uuidv7();
  return randomBytes(captured.length).toString('base64url').slice(0, captured.length);
}

type Req = { params: { key: string }; headers: Record<string, unknown> };
const pathOf = (req: Req) => {
  const p = spec.paths[req.params.key];
  if (!p) throw new Error(`no floor for ${req.params.key}`);
  return p;
};

app.all('/fw/:key', async (req, reply) => {
  const p = pathOf(req as Req);
  return reply.code(p.status).type(p.contentType).send(Buffer.from(p.body, 'base64'));
});

app.all('/db/:key', async (req) => {
  const p = pathOf(req as Req);
  const vars = JSON.parse(String(req.headers['x-bench-vars'] ?? '{}')) as Record<string, string>;
  const made = new Map<string, string>();
  const statements = p.statements.map((s) => ({
    sql: s.sql,
    params: s.params.map((x) => ('c' in x ? x.c : 'v' in x ? vars[x.v] : made.get(x.f) ?? (made.set(x.f, fresh(x.f)), made.get(x.f)))),
  }));
  return raw.run(statements);
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
answerStats();
process.on('message', (m) => {
  if (m === 'stop') void app.close().then(() => raw.close()).then(() => process.exit(0));
});
