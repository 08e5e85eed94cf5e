import { expect } from 'vitest';
import { localDate } from '../../lib/time';
import type { Dialect } from '../../db/database';
import { makeApp, PASSWORD, type Client, type School, type TestApp } from '../../test/harness';

// Test setup for 提案: a term with delegates and a 代表团, a session whose collection window is open
// today, and signed-in clients for the people of a proposal. Congress rows are inserted directly so
// these tests do not depend on the congress API.

export interface Cast {
  sessionId: string;
  termId: string;
  delegationId: string;
  /** member ids */
  m: { proposer: string; c1: string; c2: string; c3: string; head: string; outsider: string };
  /** user ids */
  u: { proposer: string; c1: string; c2: string; c3: string; head: string; outsider: string; handler: string; handler2: string; chair: string; committee: string };
  proposer: Client;
  c1: Client;
  c2: Client;
  c3: Client;
  head: Client;
  /** A member with an account who is not a delegate. */
  outsider: Client;
  chair: Client;
  committee: Client;
  handler: Client;
  handler2: Client;
  admin: Client;
}

export const today = () => localDate('Asia/Shanghai');
export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const userId = async (t: TestApp, username: string) =>
  (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

export async function setupCast(t: TestApp, school: School = t.a, prefix = 'p'): Promise<Cast> {
  const db = t.database.db;
  const admin = await t.as('admin', school);
  const now = new Date().toISOString();
  const m = {} as Cast['m'];
  const u = {} as Cast['u'];
  const clients = {} as Record<keyof Cast['m'], Client>;
  const names = { proposer: '李提案', c1: '王附议', c2: '赵附议', c3: '钱附议', head: '孙团长', outsider: '周非代表' };
  for (const [i, key] of (Object.keys(names) as (keyof Cast['m'])[]).entries()) {
    const member = await admin.post('/api/members', { employeeNo: `${prefix.toUpperCase()}${100 + i}`, name: names[key], department: '语文组' });
    expect(member.status).toBe(201);
    m[key] = member.json.id;
    const username = `${prefix}-${key}`;
    const user = await admin.post('/api/users', { username, password: PASSWORD, roles: ['member'], memberId: m[key], mustChangePassword: false });
    expect(user.status).toBe(201);
    u[key] = user.json.id;
    clients[key] = t.client();
    expect((await clients[key].login(username)).status).toBe(200);
  }
  const handler2 = await admin.post('/api/users', { username: `${prefix}-handler2`, password: PASSWORD, roles: ['handler'], mustChangePassword: false });
  u.handler2 = handler2.json.id;
  const h2 = t.client();
  await h2.login(`${prefix}-handler2`);
  u.handler = await userId(t, school.users.handler);
  u.chair = await userId(t, school.users.chair);
  u.committee = await userId(t, school.users.committee);

  const termId = `${prefix}-term-${school.orgId}`;
  const sessionId = `${prefix}-session-${school.orgId}`;
  const delegationId = `${prefix}-delegation-${school.orgId}`;
  await db.insertInto('congress_terms').values({ id: termId, org_id: school.orgId, name: '第五届', start_date: '2024-09-01', end_date: '2029-08-31', created_at: now, updated_at: now }).execute();
  await db.insertInto('congress_delegations').values({ id: delegationId, org_id: school.orgId, term_id: termId, name: '语文代表团', head_member_id: m.head }).execute();
  for (const key of ['proposer', 'c1', 'c2', 'c3', 'head'] as const) {
    await db.insertInto('congress_delegates').values({ id: `${termId}-${key}`, org_id: school.orgId, term_id: termId, member_id: m[key], delegation_id: delegationId, is_leader: 0, created_at: now }).execute();
  }
  await db.insertInto('congress_sessions').values({ id: sessionId, org_id: school.orgId, term_id: termId, name: '第五届第二次会议', date: shiftDate(today(), 30), place: null, checkin_code: `code-${sessionId}`, created_at: now, updated_at: now }).execute();

  const chair = await t.as('chair', school);
  const window = await chair.request('PUT', '/api/proposal-windows', { body: { sessionId, opensOn: shiftDate(today(), -5), closesOn: shiftDate(today(), 5) } });
  expect(window.status).toBe(200);
  return {
    sessionId, termId, delegationId, m, u, ...clients, chair,
    committee: await t.as('committee', school), handler: await t.as('handler', school), handler2: h2, admin,
  };
}

/** A test app on `dialect` with the cast of school A set up. */
export async function castApp(dialect: Dialect): Promise<{ t: TestApp; c: Cast }> {
  const t = await makeApp(dialect);
  return { t, c: await setupCast(t) };
}

export const draftBody = (c: Cast, title = '建议延长食堂晚餐供应时间') => ({
  sessionId: c.sessionId,
  title,
  reasons: '晚自习结束后食堂已关门，值班教师无处就餐。',
  measures: '食堂晚餐供应延长至 21:00。',
  category: 'logistics',
});

/** A draft by the proposer with c1 and c2 accepted, submitted. Returns its id. */
export async function submitted(c: Cast, title?: string, body: Partial<ReturnType<typeof draftBody>> = {}): Promise<string> {
  const draft = await c.proposer.post('/api/proposals', { ...draftBody(c, title), ...body });
  expect(draft.status).toBe(201);
  const id = draft.json.id as string;
  expect((await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2] })).status).toBe(200);
  expect((await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true })).status).toBe(200);
  expect((await c.c2.post(`/api/proposals/${id}/cosign`, { accept: true })).status).toBe(200);
  const res = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
  expect(res.status).toBe(200);
  return id;
}

/** Submitted, 立案 and assigned to the school's handler (主办) with handler2 as 协办. */
export async function assigned(c: Cast, title?: string, body: Partial<ReturnType<typeof draftBody>> = {}, department = '总务处'): Promise<string> {
  const id = await submitted(c, title, body);
  expect((await c.chair.post(`/api/proposals/${id}/decision`, { decision: 'accepted', publish: true })).status).toBe(200);
  const res = await c.chair.post(`/api/proposals/${id}/assign`, {
    department, handlerUserId: c.u.handler, deadline: shiftDate(today(), 14), assists: [{ department: '教务处', handlerUserId: c.u.handler2 }],
  });
  expect(res.status).toBe(200);
  return id;
}
