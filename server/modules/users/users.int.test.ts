import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { readSheet } from '../../test/roster';

// Accounts and roles: one by one and in bulk for many members (initial passwords in an .xlsx,
// changed at first sign-in), kept to the admin's own school.

describe.each(DIALECTS)('users on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  const members: Record<string, string> = {};
  let bMember: string;

  beforeAll(async () => {
    t = await makeApp(dialect);
    admin = await t.as('admin');
    for (const [no, name] of [['U101', '王老师'], ['U102', '刘老师'], ['U103', '陈老师'], ['U104', '杨老师'], ['U105', '黄老师'], ['U106', '周老师']]) {
      const res = await admin.post('/api/members', { employeeNo: no, name });
      expect(res.status).toBe(201);
      members[no] = res.json.id;
    }
    bMember = (await (await t.as('admin', t.b)).post('/api/members', { employeeNo: 'BU1', name: '别校会员' })).json.id;
  });
  afterAll(() => t.close());

  const accountsOf = (memberId: string) => t.database.db.selectFrom('users').select(['id', 'username', 'org_id']).where('member_id', '=', memberId).execute();

  it('creates an account linked to a member (201) that can sign in', async () => {
    const res = await admin.post('/api/users', { username: 'Teacher.Wang', password: 'Start1234', roles: ['member'], memberId: members.U101, mustChangePassword: false });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ username: 'teacher.wang', roles: ['member'], memberId: members.U101, memberName: '王老师', mustChangePassword: false, disabled: false });
    expect(res.json).not.toHaveProperty('passwordHash');
    expect((await admin.get(`/api/members/${members.U101}`)).json.hasAccount).toBe(true);
    const login = await t.client().login('TEACHER.WANG', 'Start1234');
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ username: 'teacher.wang', memberId: members.U101, displayName: '王老师', org: { id: t.a.orgId } });
    // The audit row for the new account never carries the password hash.
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('entity', '=', 'user').where('entity_id', '=', res.json.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).not.toMatch(/argon2|password_hash/);
  });

  it('refuses a taken username whatever its case (409)', async () => {
    const res = await admin.post('/api/users', { username: 'TEACHER.wang', password: 'Start1234', roles: ['member'] });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'username_taken', fields: { username: '用户名已被占用' } });
    // Usernames are unique across schools too: school B cannot take it either.
    expect((await (await t.as('admin', t.b)).post('/api/users', { username: 'Teacher.Wang', password: 'Start1234', roles: ['member'] })).status).toBe(409);
  });

  it('refuses a weak password, an unknown role and a bad username with 422 field messages', async () => {
    const weak = await admin.post('/api/users', { username: 'weakling', password: 'abcdefgh', roles: ['member'] });
    expect(weak.status).toBe(422);
    expect(weak.json.error.fields).toEqual({ password: '密码至少 8 位，且须同时包含字母和数字' });
    const role = await admin.post('/api/users', { username: 'roleless', password: 'Start1234', roles: ['god'] });
    expect(role.status).toBe(422);
    expect(Object.entries(role.json.error.fields)).toEqual([[expect.stringMatching(/^roles/), '不是允许的选项']]);
    const none = await admin.post('/api/users', { username: 'roleless', password: 'Start1234', roles: [] });
    expect(none.json.error.fields).toEqual({ roles: '请至少选择一个角色' });
    const name = await admin.post('/api/users', { username: '王 老师', password: 'Start1234', roles: ['member'] });
    expect(name.json.error.fields).toEqual({ username: '用户名为 3–40 位字母、数字、点、下划线或 -' });
    const stored = await t.database.db.selectFrom('users').select('id').where('username', 'in', ['weakling', 'roleless']).execute();
    expect(stored).toEqual([]);
  });

  it('refuses a second account for a member (409) and a member of another school', async () => {
    const again = await admin.post('/api/users', { username: 'wang2', password: 'Start1234', roles: ['member'], memberId: members.U101 });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'member_has_account', fields: { memberId: '该会员已有账号' } });

    const foreign = await admin.post('/api/users', { username: 'thief', password: 'Start1234', roles: ['member'], memberId: bMember });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.fields).toEqual({ memberId: '会员不存在' });
    expect(await accountsOf(bMember)).toEqual([]);

    const plain = await admin.post('/api/users', { username: 'plain.user', password: 'Start1234', roles: ['member'] });
    expect(plain.status).toBe(201);
    const link = await admin.patch(`/api/users/${plain.json.id}`, { memberId: bMember });
    expect(link.status).toBe(422);
    expect(link.json.error.fields).toEqual({ memberId: '会员不存在' });
    expect(await accountsOf(bMember)).toEqual([]);
    expect((await admin.patch(`/api/users/${plain.json.id}`, { memberId: members.U101 })).status).toBe(409);
  });

  it('lists accounts of this school only, searchable by username or member name and filtered by role', async () => {
    const all = await admin.get('/api/users?pageSize=200');
    expect(all.status).toBe(200);
    const usernames = all.json.items.map((u: { username: string }) => u.username);
    expect(usernames).toContain('teacher.wang');
    expect(usernames).toContain(t.a.users.admin);
    expect(usernames.some((u: string) => u.startsWith('b-'))).toBe(false);
    expect(all.json.total).toBe(usernames.length);

    expect((await admin.get('/api/users?q=TEACHER')).json.items.map((u: { username: string }) => u.username)).toEqual(['teacher.wang']);
    expect((await admin.get(`/api/users?q=${encodeURIComponent('王老师')}`)).json.items.map((u: { username: string }) => u.username)).toEqual(['teacher.wang']);
    const chairs = await admin.get('/api/users?role=chair');
    expect(chairs.json).toMatchObject({ total: 1, items: [{ username: t.a.users.chair, roles: ['chair'] }] });
    expect((await admin.get('/api/users?role=king')).status).toBe(422);
    const paged = await admin.get('/api/users?pageSize=2&page=2');
    expect(paged.json.items).toHaveLength(2);
    expect(paged.json.total).toBe(all.json.total);
  });

  it('changes roles with PATCH: the old session ends and the new permissions apply at next sign-in', async () => {
    const created = await admin.post('/api/users', { username: 'promoted', password: 'Start1234', roles: ['member'], mustChangePassword: false });
    const c = t.client();
    await c.login('promoted', 'Start1234');
    expect((await c.get('/api/members')).status).toBe(403);
    const patched = await admin.patch(`/api/users/${created.json.id}`, { roles: ['committee', 'group_leader'] });
    expect(patched.status).toBe(200);
    expect(patched.json.roles).toEqual(['committee', 'group_leader']);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const again = await c.login('promoted', 'Start1234');
    expect(again.json.user.permissions).toEqual(expect.arrayContaining(['members.read', 'members.export', 'groups.read']));
    expect((await c.get('/api/members')).status).toBe(200);
    expect((await admin.patch(`/api/users/${created.json.id}`, { roles: ['wizard'] })).status).toBe(422);
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${created.json.id}&action=update`)).json.items;
    expect(audit[0].after.roles).toEqual(['committee', 'group_leader']);
  });

  it('creates accounts for many members at once and hands back an .xlsx of initial passwords', async () => {
    const res = await admin.post('/api/users/bulk', { memberIds: [members.U102, members.U103, members.U104], roles: ['member'] });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const sheet = await readSheet(res.raw);
    expect(sheet[0]).toEqual(['姓名', '工号', '用户名', '初始密码', '角色']);
    expect(sheet.slice(1).map((r) => r[1]).sort()).toEqual(['U102', 'U103', 'U104']);
    const row = sheet.find((r) => r[1] === 'U103')!;
    expect(row[0]).toBe('陈老师');
    expect(String(row[3])).toMatch(/^[A-Za-z0-9]{8,}$/);

    const c = t.client();
    const login = await c.login(String(row[2]), String(row[3]));
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ mustChangePassword: true, memberId: members.U103, displayName: '陈老师', roles: ['member'] });
    expect((await c.get('/api/profile')).json.error.code).toBe('must_change_password');
    expect((await c.post('/api/auth/password', { currentPassword: String(row[3]), newPassword: 'MyOwn12345' })).status).toBe(200);
    expect((await c.get('/api/profile')).json.member).toMatchObject({ id: members.U103, name: '陈老师' });
    // No password, plain or hashed, lands in the audit log.
    const dump = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
    expect(dump).not.toContain(String(row[3]));
    expect(dump).not.toContain('$argon2');
  });

  it('reports members that already have an account instead of creating a second one', async () => {
    const res = await admin.post('/api/users/bulk', { memberIds: [members.U102, members.U105, members.U101], roles: ['member'] });
    expect(res.status).toBe(200);
    const rows = (await readSheet(res.raw)).slice(1);
    expect(rows).toHaveLength(3);
    const byNo = Object.fromEntries(rows.map((r) => [r[1], r]));
    expect(byNo.U105[3]).toMatch(/^[A-Za-z0-9]{8,}$/);
    for (const no of ['U101', 'U102']) {
      expect(byNo[no][2]).toBe('（已有账号）');
      expect(byNo[no][3]).toBeNull();
      expect(await accountsOf(members[no])).toHaveLength(1);
    }
  });

  it('never opens accounts for another school’s members in bulk', async () => {
    const only = await admin.post('/api/users/bulk', { memberIds: [bMember], roles: ['member'] });
    expect(only.status).toBe(422);
    const mixed = await admin.post('/api/users/bulk', { memberIds: [members.U106, bMember], roles: ['member'] });
    expect(mixed.status).toBe(200);
    expect((await readSheet(mixed.raw)).slice(1).map((r) => r[1])).toEqual(['U106']);
    expect(await accountsOf(bMember)).toEqual([]);
    expect((await accountsOf(members.U106))[0].org_id).toBe(t.a.orgId);
  });
});
