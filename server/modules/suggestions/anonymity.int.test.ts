import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { sha256 } from '../../lib/ids';
import { Client, DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { idByTitle, send, setupBox, type Box } from './suggestions.fixture';

// DOMAIN.md's promise for an anonymous 意见箱 entry, tested the way issue 4 asks: after a submission,
// every table (listed from the database's own catalogue), the audit log and the request log hold
// neither the writer's account, member record, username or address, nor a time of day; no order.

const IP = '203.0.113.77';
const RECEIPT = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/;
const TIME_OF_DAY = /\d\d:\d\d/;

describe.each(DIALECTS)('anonymous suggestions on %s', (dialect) => {
  let t: TestApp;
  let b: Box;
  /** The same database behind an app whose request log is captured line by line. */
  let logged: FastifyInstance;
  const lines: string[] = [];
  let writer: Client;

  beforeAll(async () => {
    t = await makeApp(dialect);
    b = await setupBox(t);
    // At debug every request has its line (at info a quick successful read has none): the promise must hold there.
    logged = await buildApp(t.app.services.config, t.database, { level: 'debug', stream: { write: (line: string) => void lines.push(line) } });
    await logged.ready();
    writer = new Client(logged);
    expect((await writer.login(b.names.writer)).status).toBe(200);
  });
  afterAll(async () => {
    await logged.close();
    await t.close();
  });

  /** A request from a given address (the harness's client always comes from 127.0.0.1). */
  const from = (ip: string, app: FastifyInstance, c: Client | null, method: 'GET' | 'POST', url: string, body?: object) =>
    app.inject({ method, url, remoteAddress: ip, headers: c ? { cookie: c.cookie!, 'x-csrf-token': c.csrf! } : {}, ...(body ? { payload: body } : {}) });

  async function tables(): Promise<string[]> {
    const q =
      dialect === 'sqlite'
        ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
        : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
    return (await q.execute(t.database.db)).rows.map((r) => r.name);
  }
  /** Every row of every table, as JSON text per table. */
  async function dump(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const name of await tables()) out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.database.db)).rows.map((r) => JSON.stringify(r));
    return out;
  }
  /** Rows present after but not before (new, or changed). */
  function added(before: Record<string, string[]>, after: Record<string, string[]>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, rows] of Object.entries(after)) {
      const old = new Set(before[name] ?? []);
      const fresh = rows.filter((r) => !old.has(r));
      if (fresh.length) out[name] = fresh;
    }
    return out;
  }

  it('stores an anonymous submission with no account, member, username, address, time of day, audit row or notice', async () => {
    const catalogue = await tables();
    expect(catalogue).toEqual(expect.arrayContaining(['suggestions', 'suggestion_messages', 'audit_log', 'notifications', 'users', 'sessions']));
    const before = await dump();
    lines.length = 0;

    const res = await from(IP, logged, writer, 'POST', '/api/suggestions', { to: 'union', title: '食堂晚餐关得太早', content: '晚自习结束前食堂已关门。', anonymous: true, category: 'logistics' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['receipt']);
    expect(body.receipt).toMatch(RECEIPT);

    const after = await dump();
    const fresh = added(before, after);
    // One new row, in the suggestions table, and nothing else written or changed anywhere.
    expect(Object.keys(fresh)).toEqual(['suggestions']);
    expect(fresh.suggestions).toHaveLength(1);
    const secrets = [b.u.writer, b.m.writer, b.names.writer, IP, body.receipt, body.receipt.replace(/-/g, '')];
    for (const [name, rows] of Object.entries(fresh)) {
      for (const row of rows) {
        for (const s of secrets) expect(row, `${name} holds ${s}`).not.toContain(s);
        expect(row, `${name} holds a time of day`).not.toMatch(TIME_OF_DAY);
      }
    }
    const row = JSON.parse(fresh.suggestions[0]);
    expect(row).toMatchObject({ anonymous: 1, writer_user_id: null, receipt_hash: sha256(body.receipt.replace(/-/g, '')), status: 'pending', notice_kind: 'new' });
    expect(row.received_on).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(row.id).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // not a time-ordered UUIDv7
    // The address is nowhere in the database, not even in rows that were there before.
    expect(JSON.stringify(after)).not.toContain(IP);

    // The request log: the submission's line has no address, and nothing names the writer.
    const log = lines.join('');
    for (const s of [IP, b.u.writer, b.m.writer, b.names.writer, body.receipt]) expect(log, `request log holds ${s}`).not.toContain(s);
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: Record<string, unknown> });
    const incoming = entries.filter((e) => e.req?.method === 'POST' && e.req.url === '/api/suggestions');
    expect(incoming).toHaveLength(1);
    expect(incoming[0].req).not.toHaveProperty('remoteAddress');
    expect(incoming[0].req).not.toHaveProperty('remotePort');
  });

  it('logs the address of ordinary requests (so the test above can fail), and never a receipt code', async () => {
    lines.length = 0;
    await from(IP, logged, writer, 'GET', '/api/suggestions/mine');
    const mine = lines.map((l) => JSON.parse(l)).find((e) => e.req?.url === '/api/suggestions/mine');
    expect(mine.req.remoteAddress).toBe(IP);
    const receipt = await send(writer, 'principal', '收据日志', { anonymous: true });
    lines.length = 0;
    expect((await from(IP, logged, null, 'GET', `/api/suggestions/receipt/${receipt}`)).statusCode).toBe(200);
    expect((await from(IP, logged, null, 'POST', `/api/suggestions/receipt/${receipt}/messages`, { body: '补充一句' })).statusCode).toBe(201);
    const log = lines.join('');
    expect(log).not.toContain(IP);
    expect(log).not.toContain(receipt);
    expect(log).not.toContain(receipt.replace(/-/g, ''));
    expect(lines.map((l) => JSON.parse(l)).filter((e) => e.req).map((e) => e.req.url)).toEqual(['/api/suggestions/receipt/:code', '/api/suggestions/receipt/:code/messages']);
    // The writer's message back is dated, not timed, and carries no account either.
    const id = await idByTitle(b.principal, '收据日志');
    const messages = await t.database.db.selectFrom('suggestion_messages').selectAll().where('suggestion_id', '=', id).execute();
    expect(messages).toEqual([expect.objectContaining({ author_kind: 'writer', body: '补充一句', user_id: null, author_name: null, created_at: null, created_on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) })]);
  });

  it('shows the handler the mail without any writer, and the writer cannot find it again by signing in', async () => {
    const receipt = await send(b.writer, 'principal', '校长：希望公开绩效方案', { anonymous: true, category: 'management' });
    expect(receipt).toMatch(RECEIPT);
    const id = await idByTitle(b.principal, '绩效方案');
    const seen = await b.principal.get(`/api/suggestions/${id}`);
    expect(seen.json).toMatchObject({ anonymous: true, writerName: null, wallConsent: null, canHandle: true });
    expect(JSON.stringify(seen.json)).not.toMatch(/林来信|s-writer/);
    expect((await b.writer.get(`/api/suggestions/${id}`)).status).toBe(404);
    expect((await b.writer.get('/api/suggestions/mine')).json.items.some((s: { id: string }) => s.id === id)).toBe(false);
  });

  it('keeps no insertion order: no rowid on SQLite; on PostgreSQL the nightly job rewrites the rows in key order', async () => {
    const titles = ['顺序一', '顺序二', '顺序三', '顺序四'];
    for (const title of titles) await send(b.writer2, b.dept.general, title, { anonymous: true });
    const db = t.database.db;
    const anonymousIds = new Set((await db.selectFrom('suggestions').select('id').where('anonymous', '=', 1).execute()).map((r) => r.id));
    const sorted = [...anonymousIds].sort();
    if (dialect === 'sqlite') {
      await expect(sql`select rowid from suggestions`.execute(db)).rejects.toThrow();
      await expect(sql`select rowid from suggestion_messages`.execute(db)).rejects.toThrow();
      const stored = (await sql<{ id: string }>`select id from suggestions not indexed`.execute(db)).rows.map((r) => r.id).filter((x) => anonymousIds.has(x));
      expect(stored).toEqual(sorted);
    } else {
      const stamps = async () => (await sql<{ x: string }>`select distinct xmin::text as x from suggestions where anonymous = 1`.execute(db)).rows;
      expect((await stamps()).length).toBeGreaterThan(1); // each came in its own transaction…
      expect(await t.app.services.suggestions.releaseNotices(new Date(Date.now() + 2 * 86_400_000))).toBeGreaterThan(0);
      expect(await stamps()).toHaveLength(1); // …and after the rewrite none keeps it
      const stored = (await sql<{ id: string }>`select id from suggestions where anonymous = 1 order by ctid`.execute(db)).rows.map((r) => r.id);
      expect(stored).toEqual(sorted);
      expect((await sql<{ x: string }>`select distinct m.xmin::text as x from suggestion_messages m join suggestions s on s.id = m.suggestion_id where s.anonymous = 1`.execute(db)).rows.length).toBeLessThanOrEqual(1);
    }
  });

  it.runIf(dialect === 'sqlite')('truncates the write-ahead log after an anonymous letter, without waiting for a reader on another connection', async () => {
    const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(t.database.db)).rows[0].file;
    const walSize = () => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    const someone = await t.as('retiree');
    // A backup, say, holding a snapshot: the log cannot be truncated under it, and the letter is taken anyway.
    const reader = new SQLite(file);
    reader.prepare('begin').run();
    reader.prepare('select count(*) from suggestions').get();
    await send(someone, 'union', '备份期间的匿名信', { anonymous: true });
    expect(walSize()).toBeGreaterThan(0);
    expect((await sql<{ timeout: number }>`pragma busy_timeout`.execute(t.database.db)).rows[0].timeout).toBe(5000);
    reader.prepare('commit').run();
    reader.close();
    // The next anonymous letter truncates it.
    await send(someone, 'union', '备份之后的匿名信', { anonymous: true });
    expect(walSize()).toBe(0);
  });

  it('audits and announces anonymous news only once its day is over, with no actor, in one batch', async () => {
    const db = t.database.db;
    const receipt = await send(b.writer, b.dept.general, '夜间通知测试', { anonymous: true });
    const id = await idByTitle(b.handler, '夜间通知测试');
    const notices = () => db.selectFrom('notifications').selectAll().where('link', '=', `/suggestions/${id}`).execute();
    // Not today: neither an audit row nor a notification exists yet.
    expect(await t.app.services.suggestions.releaseNotices(new Date())).toBe(0);
    expect(await db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toEqual([]);
    expect(await notices()).toEqual([]);

    const released = await t.app.services.suggestions.releaseNotices(new Date(Date.now() + 2 * 86_400_000));
    expect(released).toBeGreaterThan(0);
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'submit', actor_id: null, actor_name: null, entity: 'suggestion' })]);
    expect(JSON.parse(audit[0].after!)).toEqual({ anonymous: true, on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect((await notices()).map((n) => n.user_id)).toEqual([b.u.handler]);
    expect(JSON.stringify(await notices())).not.toMatch(/林来信|s-writer/);
    expect(await db.selectFrom('suggestions').select(['notice_kind', 'notice_on']).where('id', '=', id).executeTakeFirst()).toEqual({ notice_kind: null, notice_on: null });
    expect(await t.app.services.suggestions.releaseNotices(new Date(Date.now() + 2 * 86_400_000))).toBe(0);

    // A message back with the receipt waits for the next night too.
    await t.client().post(`/api/suggestions/receipt/${receipt}/messages`, { body: '还有一件事' });
    expect(await db.selectFrom('suggestions').select('notice_kind').where('id', '=', id).executeTakeFirst()).toEqual({ notice_kind: 'message' });
    await t.app.services.suggestions.releaseNotices(new Date(Date.now() + 2 * 86_400_000));
    expect((await notices()).map((n) => n.kind).sort()).toEqual(['suggestion.message', 'suggestion.new']);
  });

  it('follows up with the receipt code, without signing in: reads replies and writes back', async () => {
    const receipt = await send(b.writer, b.dept.general, '开水房回执测试', { anonymous: true });
    const id = await idByTitle(b.handler, '开水房回执测试');
    const anon = t.client();
    const read = (code: string) => anon.get(`/api/suggestions/receipt/${encodeURIComponent(code)}`);
    const first = await read(receipt);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ title: '开水房回执测试', status: 'pending', messages: [], to: { kind: 'department', name: '总务处' } });
    expect(first.json).not.toHaveProperty('id');
    // Case, spaces and dashes do not matter.
    expect((await read(` ${receipt.toLowerCase().replace(/-/g, ' ')} `)).status).toBe(200);

    await b.handler.post(`/api/suggestions/${id}/replies`, { body: '已安排周末开放。' });
    const replied = await read(receipt);
    expect(replied.json.status).toBe('answered');
    expect(replied.json.messages).toEqual([expect.objectContaining({ by: 'handler', body: '已安排周末开放。', authorName: 'a-handler' })]);

    const back = await anon.post(`/api/suggestions/receipt/${receipt}/messages`, { body: '谢谢，周日晚上呢？' });
    expect(back.status).toBe(201);
    expect(back.json.status).toBe('in_progress');
    expect(back.json.messages.map((m: { by: string; at: string | null }) => [m.by, m.at === null])).toEqual([['handler', false], ['writer', true]]);
    expect((await anon.post(`/api/suggestions/receipt/${receipt}/messages`, { body: '' })).status).toBe(422);

    await b.handler.post(`/api/suggestions/${id}/status`, { status: 'closed' });
    expect((await anon.post(`/api/suggestions/receipt/${receipt}/messages`, { body: '关了还能说吗' })).status).toBe(409);
    expect((await read(receipt)).json.status).toBe('closed');
  });

  it('refuses a wrong receipt code with 404, and slows repeated guesses from one address with 429', async () => {
    const receipt = await send(b.writer, 'union', '猜测测试', { anonymous: true });
    const guess = (ip: string, code: string) => from(ip, t.app, null, 'GET', `/api/suggestions/receipt/${encodeURIComponent(code)}`);
    const wrong = await guess('198.51.100.1', 'AAAA-BBBB-CCCC-DDDD');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toEqual({ code: 'not_found', message: '回执码不正确，请核对后重新输入' });
    expect((await guess('198.51.100.1', 'not a code')).statusCode).toBe(404);
    for (let i = 0; i < 8; i++) expect((await guess('198.51.100.1', `ZZZZ-ZZZZ-ZZZZ-ZZ${'23456789'[i]}Z`)).statusCode).toBe(404);
    // Ten wrong codes: now even the right one waits.
    const locked = await guess('198.51.100.1', receipt);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/^回执码输错次数过多，请 1[0-5] 分钟后再试$/);
    expect((await from('198.51.100.1', t.app, null, 'POST', `/api/suggestions/receipt/${receipt}/messages`, { body: '锁定中' })).statusCode).toBe(429);
    // Another address is not slowed by them.
    expect((await guess('198.51.100.2', receipt)).statusCode).toBe(200);
    // The counting is in memory only: the guessing address is stored nowhere.
    expect(JSON.stringify(await dump())).not.toContain('198.51.100.1');
  });

  it('limits anonymous submissions per account per day, in memory', async () => {
    // writer2 sent four in the insertion-order test above; the fifth is the last one today.
    await send(b.writer2, 'union', '第五条匿名', { anonymous: true });
    const sixth = await b.writer2.post('/api/suggestions', { to: 'union', title: '第六条匿名', content: '内容', anonymous: true });
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.message).toBe('今天已提交 5 条匿名意见，请明天再提交');
    // Named mail is not limited, and nothing was stored for the refused one.
    await send(b.writer2, 'union', '第六条署名');
    expect(await t.database.db.selectFrom('suggestions').select('id').where('title', '=', '第六条匿名').execute()).toEqual([]);
  });
});
