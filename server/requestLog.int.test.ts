import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { Client, makeApp, type TestApp } from './test/harness';

// The request log's levels (app.ts OneLinePerRequest): one line per request; a read answered well and
// fast only at debug, everything else (writes, refusals, errors) at info.

describe('the request log', () => {
  let t: TestApp;
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.close();
  });
  beforeAll(async () => {
    t = await makeApp('sqlite');
  });

  /** An app over the test database whose log lines (at `level`) are kept, and a chair signed in to it. */
  async function logging(level: 'info' | 'debug') {
    const lines: { level: number; msg: string; req: { method: string; url: string }; res: { statusCode: number }; reqId: string }[] = [];
    const app = await buildApp(t.app.services.config, t.database, { level, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    apps.push(app);
    await app.ready();
    const chair = new Client(app);
    expect((await chair.login(t.a.users.chair)).status).toBe(200);
    lines.length = 0;
    return { app, lines, chair };
  }
  const summary = (lines: { level: number; req: { method: string; url: string }; res: { statusCode: number } }[]) => lines.map((l) => `${l.level} ${l.req.method} ${l.req.url} ${l.res.statusCode}`);

  it('at info: writes and refusals have their line, quick successful reads none', async () => {
    const { app, lines, chair } = await logging('info');
    expect((await chair.get('/api/auth/me')).status).toBe(200);
    expect((await chair.get('/api/members?page=1&pageSize=5')).status).toBe(200);
    expect((await new Client(app).get('/api/auth/me')).status).toBe(401);
    expect((await chair.get('/api/members/nope')).status).toBe(404);
    expect((await chair.post('/api/auth/login', { username: 'nobody', password: 'x' })).status).toBe(401);
    expect((await chair.post('/api/auth/logout')).status).toBe(204);
    expect(summary(lines)).toEqual(['30 GET /api/auth/me 401', '30 GET /api/members/nope 404', '30 POST /api/auth/login 401', '30 POST /api/auth/logout 204']);
    expect(lines.every((l) => l.msg === 'request completed' && typeof l.reqId === 'string')).toBe(true);
  });

  it('at debug: every request has its line, reads at debug', async () => {
    const { lines, chair } = await logging('debug');
    expect((await chair.get('/api/auth/me')).status).toBe(200);
    expect((await chair.post('/api/auth/logout')).status).toBe(204);
    expect(summary(lines)).toEqual(['20 GET /api/auth/me 200', '30 POST /api/auth/logout 204']);
  });
});
