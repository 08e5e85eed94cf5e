import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';

// 部门: admin and chair manage them and name the accounts that receive their mail; every member reads
// the list to address mail; deleting keeps what was already sent to a department readable.

describe.each(DIALECTS)('departments on %s', (dialect) => {
  let t: TestApp;
  let chair: Client;
  let member: Client;
  const userId = async (username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await makeApp(dialect);
    chair = await t.as('chair');
    member = await t.as('member');
  });
  afterAll(() => t.close());

  it('creates, renames and re-staffs a department, audited; every member reads the list', async () => {
    const handler = await userId(t.a.users.handler);
    const principal = await userId(t.a.users.principal);
    const created = await chair.post('/api/departments', { name: ' 总务处 ', handlerUserIds: [handler, handler] });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), name: '总务处', handlers: [{ userId: handler, name: 'a-handler' }] });
    const id = created.json.id;

    const renamed = await chair.patch(`/api/departments/${id}`, { name: '后勤处' });
    expect(renamed.json).toMatchObject({ name: '后勤处', handlers: [{ userId: handler }] });
    const staffed = await chair.patch(`/api/departments/${id}`, { handlerUserIds: [principal] });
    expect(staffed.json).toMatchObject({ name: '后勤处', handlers: [{ userId: principal, name: 'a-principal' }] });

    const list = await member.get('/api/departments');
    expect(list.status).toBe(200);
    expect(list.json.items.map((d: { name: string }) => d.name)).toEqual(['后勤处']);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'department').where('entity_id', '=', id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[2].after!)).toEqual({ name: '后勤处', handlerUserIds: [principal] });

    const candidates = await chair.get('/api/departments/candidates');
    expect(candidates.json.items.map((c: { username: string }) => c.username)).toContain('a-principal');
    expect(candidates.json.items.some((c: { username: string }) => c.username.startsWith('b-'))).toBe(false);
  });

  it('refuses a duplicate name, another school’s account, and a blank name; changes nothing', async () => {
    const first = await chair.post('/api/departments', { name: '教务处' });
    expect(first.status).toBe(201);
    const dup = await chair.post('/api/departments', { name: '教务处' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.fields).toEqual({ name: '同名的部门已存在' });
    const foreign = await chair.post('/api/departments', { name: '德育处', handlerUserIds: [await userId(t.b.users.handler)] });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.fields).toEqual({ handlerUserIds: '承办人须为本校的有效账号' });
    expect((await chair.post('/api/departments', { name: '  ' })).json.error.fields).toEqual({ name: '此项必填' });
    expect((await chair.patch(`/api/departments/${first.json.id}`, { name: '后勤处' })).status).toBe(409);
    const names = (await member.get('/api/departments')).json.items.map((d: { name: string }) => d.name);
    expect(names).toEqual(['后勤处', '教务处']);
  });

  it('deletes softly: gone from the list, while mail already sent keeps its department and handlers', async () => {
    const handler = await userId(t.a.users.handler);
    const dept = (await chair.post('/api/departments', { name: '办公室', handlerUserIds: [handler] })).json.id;
    const sent = await member.post('/api/suggestions', { to: dept, title: '办公室的打印机', content: '经常卡纸', anonymous: false });
    expect(sent.status).toBe(201);
    expect((await chair.del(`/api/departments/${dept}`)).status).toBe(204);
    expect((await member.get('/api/departments')).json.items.some((d: { id: string }) => d.id === dept)).toBe(false);
    expect((await chair.patch(`/api/departments/${dept}`, { name: '复活' })).status).toBe(404);
    expect((await chair.del(`/api/departments/${dept}`)).status).toBe(404);
    // No new mail to it…
    expect((await member.post('/api/suggestions', { to: dept, title: '再写给办公室', content: '内容', anonymous: false })).status).toBe(422);
    // …but the handler still answers what came before, under its name.
    const handlerClient = await t.as('handler');
    const seen = await handlerClient.get(`/api/suggestions/${sent.json.id}`);
    expect(seen.json.to).toEqual({ kind: 'department', departmentId: dept, name: '办公室' });
    expect((await handlerClient.post(`/api/suggestions/${sent.json.id}/replies`, { body: '已更换打印机。' })).status).toBe(200);
  });

  it('lets only admin and chair manage departments', async () => {
    for (const role of ['committee', 'member', 'handler', 'principal'] as const) {
      expect((await (await t.as(role)).post('/api/departments', { name: `${role}的部门` })).status).toBe(403);
    }
    expect((await (await t.as('admin')).post('/api/departments', { name: '德育处' })).status).toBe(201);
  });
});
