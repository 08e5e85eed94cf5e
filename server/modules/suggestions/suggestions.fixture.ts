import { expect } from 'vitest';
import { PASSWORD, type Client, type School, type TestApp } from '../../test/harness';

// Test setup for the 意见箱: two departments (总务处 answered by the school's handler account, 教务处 by a
// second one), two members with accounts linked to their member records, and clients for every mailbox.

export interface Box {
  dept: { general: string; academic: string };
  /** user ids */
  u: { writer: string; writer2: string; handler: string; handler2: string; chair: string; committee: string; principal: string };
  /** member ids of the two writers */
  m: { writer: string; writer2: string };
  /** usernames of the two writers */
  names: { writer: string; writer2: string };
  writer: Client;
  writer2: Client;
  handler: Client;
  handler2: Client;
  chair: Client;
  committee: Client;
  principal: Client;
  admin: Client;
}

const userId = async (t: TestApp, username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

async function account(t: TestApp, admin: Client, username: string, roles: string[], member?: { employeeNo: string; name: string }) {
  const memberId = member ? (await admin.post('/api/members', { ...member, department: '语文组' })).json.id : null;
  const user = await admin.post('/api/users', { username, password: PASSWORD, roles, memberId, mustChangePassword: false });
  expect(user.status).toBe(201);
  const c = t.client();
  expect((await c.login(username)).status).toBe(200);
  return { id: user.json.id as string, memberId: memberId as string, client: c };
}

export async function setupBox(t: TestApp, school: School = t.a, prefix = 's'): Promise<Box> {
  const admin = await t.as('admin', school);
  const writer = await account(t, admin, `${prefix}-writer`, ['member'], { employeeNo: `${prefix.toUpperCase()}001`, name: '林来信' });
  const writer2 = await account(t, admin, `${prefix}-writer2`, ['member'], { employeeNo: `${prefix.toUpperCase()}002`, name: '何来信' });
  const handler2 = await account(t, admin, `${prefix}-handler2`, ['handler']);
  const u = {
    writer: writer.id,
    writer2: writer2.id,
    handler2: handler2.id,
    handler: await userId(t, school.users.handler),
    chair: await userId(t, school.users.chair),
    committee: await userId(t, school.users.committee),
    principal: await userId(t, school.users.principal),
  };
  const general = await admin.post('/api/departments', { name: '总务处', handlerUserIds: [u.handler] });
  expect(general.status).toBe(201);
  const academic = await admin.post('/api/departments', { name: '教务处', handlerUserIds: [u.handler2] });
  expect(academic.status).toBe(201);
  return {
    dept: { general: general.json.id, academic: academic.json.id },
    u,
    m: { writer: writer.memberId, writer2: writer2.memberId },
    names: { writer: `${prefix}-writer`, writer2: `${prefix}-writer2` },
    writer: writer.client,
    writer2: writer2.client,
    handler2: handler2.client,
    handler: await t.as('handler', school),
    chair: await t.as('chair', school),
    committee: await t.as('committee', school),
    principal: await t.as('principal', school),
    admin,
  };
}

/** Sends a suggestion; answers its id (named) or its receipt code (anonymous). */
export async function send(c: Client, to: string, title: string, opts: { anonymous?: boolean; category?: string; wallConsent?: boolean; content?: string } = {}): Promise<string> {
  const res = await c.post('/api/suggestions', { to, title, content: opts.content ?? `${title}的具体内容`, anonymous: !!opts.anonymous, category: opts.category ?? 'logistics', wallConsent: opts.wallConsent });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return opts.anonymous ? res.json.receipt : res.json.id;
}

/** The id of the suggestion behind a receipt code, read as a handler finds it in the inbox. */
export async function idByTitle(handler: Client, title: string): Promise<string> {
  const res = await handler.get(`/api/suggestions?q=${encodeURIComponent(title)}`);
  expect(res.json.items).toHaveLength(1);
  return res.json.items[0].id;
}
