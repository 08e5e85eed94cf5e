import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';

// The built web app as a phone fetches it: hashed assets cached for a year, sent compressed when the
// browser accepts it (the build writes .br/.gz beside each file), and index.html for client routes
// (login.html for /login: its first-screen styles are made at build time, web/build/plugins.ts).

describe('serving the built web app', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  const js = `console.log(${JSON.stringify('同心'.repeat(500))});`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-web-'));
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>同心</title>');
    fs.writeFileSync(path.join(dist, 'login.html'), '<!doctype html><title>同心 · 登录</title>');
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), js);
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.gz'), zlib.gzipSync(js));
    const url = `sqlite:${path.join(dir, 'test.db')}`;
    database = await openDatabase(url);
    await migrate(database);
    app = await buildApp(loadConfig({ DATABASE_URL: url, WEB_DIST: dist, LOG_LEVEL: 'silent' }), database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli or gzip to a browser that accepts it, the plain file otherwise, all cached for a year', async () => {
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 3);

    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('answers a client route with index.html, never cached, and an unknown API path with 404 JSON', async () => {
    const page = await app.inject({ url: '/congress/sessions/x', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>同心</title>');
    const root = await app.inject({ url: '/' });
    expect(root.body).toContain('<title>同心</title>');
    const api = await app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });

  it('answers a first screen that has an HTML of its own with it, whatever its query, never cached', async () => {
    for (const url of ['/login', '/login?next=%2Fcare']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<title>同心 · 登录</title>');
    }
    expect((await app.inject({ url: '/login/x' })).body).toContain('<title>同心</title>');
  });
});
