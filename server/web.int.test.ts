import crypto from 'node:crypto';
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
import { EMPTY_ROOT, SSR_MODULE } from '../common/webBuild';
import { makeApp, type TestApp } from './test/harness';

// The built web app as a phone fetches it: hashed assets cached for a year, sent compressed when the
// browser accepts it (the build writes .br/.gz beside each file), and index.html for client routes
// (login.html for /login: its first-screen styles are made at build time, web/build/plugins.ts).

describe('serving the built web app', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  const js = `console.log(${JSON.stringify('同心'.repeat(500))});`;
  const BOOT = 'document.head.append(document.createElement("link"))';
  const LOGIN = 'window.first = "登录"';
  const hashOf = (script: string) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
  const scriptSources = (policy: string) => /(?:^|; )script-src ([^;]*)/.exec(policy)![1].split(' ');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-web-'));
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>同心</title><script type="module" src="/assets/app-abc123.js"></script><script>${BOOT}</script>`);
    fs.writeFileSync(path.join(dist, 'login.html'), `<!doctype html><title>同心 · 登录</title><script>${LOGIN}</script>`);
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

  it('sends every page and file with a policy that runs only its own scripts and the build\'s inline ones, in no other site\'s frame', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
    for (const url of ['/', '/login', '/care/records', '/index.html', '/api/docs']) {
      const res = await app.inject({ url });
      expect(res.headers, url).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
      if (url === '/api/docs') continue; // swagger-ui's own page and scripts: framed by no one, its policy its own
      const policy = String(res.headers['content-security-policy']);
      expect(scriptSources(policy).sort()).toEqual(["'self'", hashOf(BOOT), hashOf(LOGIN)].sort());
      for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) expect(policy).toContain(part);
    }
  });

  it('names the inline scripts of each page built again under the running server', async () => {
    const policy = async () => scriptSources(String((await app.inject({ url: '/care' })).headers['content-security-policy']));
    const rewrite = (file: string, from: string, to: string) => {
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a new mtime, however coarse the file system's
    };
    const [index, login] = ['index.html', 'login.html'].map((f) => path.join(dir, 'dist', f));
    try {
      rewrite(index, BOOT, 'window.rebuilt = 1');
      expect(await policy()).toEqual(["'self'", hashOf(LOGIN), hashOf('window.rebuilt = 1')].sort());
      // A first screen's page written after index.html (as the build does) is read too.
      rewrite(login, LOGIN, 'window.rebuilt = 2');
      expect(await policy()).toEqual(["'self'", hashOf('window.rebuilt = 1'), hashOf('window.rebuilt = 2')].sort());
    } finally {
      rewrite(index, 'window.rebuilt = 1', BOOT);
      rewrite(login, 'window.rebuilt = 2', LOGIN);
    }
  });
});

// The home drawn by the server for someone signed in (server/plugins/serverPage.ts). The build's module
// that draws it (web/ssr.tsx) is stood in for by one that draws the signed-in user's name and puts a
// closing script tag in its state: the server's part is tested here, the real drawing in e2e (ground).
describe('the home drawn by the server', () => {
  let dir: string;
  let t: TestApp;
  const HOSTILE = '</script><script>window.hacked = 1</script><!--';
  const RENDER = `
    export async function render(url, { phone, get }) {
      const me = await get('/api/auth/me', { headers: { 'Accept-Language': 'zh-CN' } });
      if (me.status === 401) return null;
      const { user } = await me.json();
      if (user.username.endsWith('-committee')) throw new Error('boom');
      return { html: '<p>' + user.username + '</p>', state: { phone, queries: { url, note: ${JSON.stringify(HOSTILE)} } } };
    }`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-ssr-'));
    fs.mkdirSync(path.join(dir, '.ssr'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>同心</title><link rel="preload" href="/api/auth/me" as="fetch" crossorigin="anonymous" />${EMPTY_ROOT}<script src="/x.js"></script>`);
    fs.writeFileSync(path.join(dir, SSR_MODULE), RENDER);
    t = await makeApp('sqlite', { webDist: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const stateOf = (html: string) => JSON.parse(/<script type="application\/json" id="tx-state">(.*?)<\/script>/s.exec(html)![1]);

  it('draws the page with its state for someone signed in: never cached, the state inert text', async () => {
    const chair = await t.as('chair');
    const res = await chair.get('/?from=bookmark', { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toContain('cookie');
    // The drawn page runs under the same policy: its scripts by source, its state a data block, not a script.
    expect(res.headers['content-security-policy']).toContain("script-src 'self'; ");
    const html = res.raw.toString();
    expect(html).toContain(`<div id="root" inert><p>${t.a.users.chair}</p></div>`);
    // The session is in the page: no request for it beside the scripts; its CSRF token is not.
    expect(html).not.toContain('/api/auth/me');
    expect(html).not.toContain(chair.csrf);
    expect(html).toContain('<script src="/x.js"></script>');
    // Whatever the data holds, nothing closes the script element early; the browser reads it back as it was.
    expect(html).not.toContain('<script>window.hacked');
    const state = stateOf(html);
    // The home whatever the query string (the module draws what it is told).
    expect(state).toEqual({ phone: true, queries: { url: '/', note: HOSTILE } });
  });

  it('guesses the layout from what the device says of itself', async () => {
    const chair = await t.as('chair');
    const phoneOf = async (headers: Record<string, string>) => stateOf((await chair.get('/', headers)).raw.toString()).phone;
    expect(await phoneOf({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148' })).toBe(true);
    expect(await phoneOf({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0', 'sec-ch-ua-mobile': '?1' })).toBe(true);
    expect(await phoneOf({ 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/156.0.0.0 Safari/537.36', 'sec-ch-ua-mobile': '?0' })).toBe(false);
    expect(await phoneOf({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Tablet) Chrome/156.0.0.0 Safari/537.36' })).toBe(false);
  });

  it('sends it compressed to a browser that accepts it', async () => {
    const chair = await t.as('chair');
    const br = await chair.get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.raw).toString()).toContain('<div id="root" inert><p>');
    const gz = await chair.get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.raw).toString()).toContain('<div id="root" inert><p>');
  });

  it('sends index.html as it is to a guest, a stale session, and when the page cannot be drawn', async () => {
    const asBuilt = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const guest = await t.client().get('/');
    expect(guest.status).toBe(200);
    expect(guest.headers['cache-control']).toBe('no-cache');
    expect(guest.raw.toString()).toBe(asBuilt);
    const stale = await t.client().get('/', { cookie: 'tx_sid=not-a-session' });
    expect(stale.raw.toString()).toBe(asBuilt);
    const failed = await (await t.as('committee')).get('/');
    expect(failed.status).toBe(200);
    expect(failed.raw.toString()).toBe(asBuilt);
    // A HEAD is answered from index.html, without drawing.
    const head = await (await t.as('chair')).request('HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the page to the browser once the web is built again under it, until a restart', async () => {
    const file = path.join(dir, 'index.html');
    const before = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    fs.writeFileSync(file, before.replace('/x.js', '/y.js'));
    fs.utimesSync(file, stat.atime, new Date(stat.mtimeMs + 5000));
    const page = (await (await t.as('chair')).get('/')).raw.toString();
    expect(page).toContain('<script src="/y.js"></script>');
    expect(page).not.toContain('tx-state');
  });

  it('never sends the module that draws pages, nor any dot file', async () => {
    for (const url of [`/${SSR_MODULE}`, '/.ssr/', '/.ssr/../.ssr/render.mjs']) {
      const res = await t.client().get(url);
      expect(res.raw.toString()).not.toContain('export async function render');
    }
  });
});
