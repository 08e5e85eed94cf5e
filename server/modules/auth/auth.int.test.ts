import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, PASSWORD, type TestApp } from '../../test/harness';

describe.each(DIALECTS)('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with a rotated, httpOnly SameSite=Lax session cookie and a CSRF token', async () => {
    const c = t.client();
    const first = await c.login(t.a.users.chair);
    expect(first.status).toBe(200);
    expect(first.json.user).toMatchObject({ username: t.a.users.chair, roles: ['chair'], org: { id: t.a.orgId } });
    expect(first.json.csrfToken).toMatch(/.{20,}/);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/tx_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const oldCookie = c.cookie;

    const second = await c.login(t.a.users.chair);
    expect(second.status).toBe(200);
    expect(c.cookie).not.toBe(oldCookie);
    const stale = t.client();
    stale.cookie = oldCookie;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/auth/me')).json.user.username).toBe(t.a.users.chair);
  });

  it('refuses a wrong password with 401 and a Chinese message, English when asked', async () => {
    const c = t.client();
    const res = await c.login(t.a.users.member, 'wrong-password1');
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({ code: 'login_failed', message: '用户名或密码错误' });
    c.lang = 'en';
    const en = await c.login('nobody-here', 'wrong-password1');
    expect(en.status).toBe(401);
    expect(en.json.error.message).toBe('Wrong username or password');
  });

  it('locks a username after 5 failures in 15 minutes with 429 and the wait, even for the right password', async () => {
    const c = t.client();
    const user = t.a.users.retiree;
    for (let i = 0; i < 5; i++) expect((await c.login(user, `bad-${i}-pass`)).status).toBe(401);
    const locked = await c.login(user, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('login_locked');
    expect(locked.json.error.message).toMatch(/请 1[45] 分钟后再试/);
    // Another username is unaffected.
    expect((await t.client().login(t.a.users.handler)).status).toBe(200);
    // Failures older than the window no longer count.
    await t.database.db.updateTable('login_failures').set({ at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('username', '=', user).execute();
    expect((await c.login(user)).status).toBe(200);
  });

  it('validates the login body', async () => {
    const res = await t.client().post('/api/auth/login', { username: '' });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toMatchObject({ username: '此项必填', password: '此项必填' });
  });

  it('requires a matching x-csrf-token on every state-changing request', async () => {
    const c = await t.as('admin');
    const body = { name: '测试组' };
    expect((await c.request('POST', '/api/groups', { body, headers: { 'x-csrf-token': '' } })).status).toBe(403);
    const wrong = await c.request('POST', '/api/groups', { body, headers: { 'x-csrf-token': 'not-the-token' } });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('csrf');
    expect((await c.post('/api/groups', body)).status).toBe(201);
    // A token from another session does not work either.
    const other = await t.as('admin');
    expect((await c.request('POST', '/api/groups', { body: { name: '另一组' }, headers: { 'x-csrf-token': other.csrf! } })).status).toBe(403);
  });

  it('logs out: the session no longer works', async () => {
    const c = await t.as('member');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const again = t.client();
    again.cookie = cookie;
    expect((await again.get('/api/auth/me')).status).toBe(401);
  });

  it('forces a password change when required, then allows everything again', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users', { username: 'newbie', password: 'Initial123', roles: ['chair'], mustChangePassword: true });
    expect(created.status).toBe(201);
    const c = t.client();
    const login = await c.login('newbie', 'Initial123');
    expect(login.json.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/members');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('must_change_password');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const weak = await c.post('/api/auth/password', { currentPassword: 'Initial123', newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.json.error.fields.newPassword).toMatch(/至少 8 位/);
    const wrongCurrent = await c.post('/api/auth/password', { currentPassword: 'Nope12345', newPassword: 'Better1234' });
    expect(wrongCurrent.json.error.fields.currentPassword).toBe('当前密码不正确');
    const changed = await c.post('/api/auth/password', { currentPassword: 'Initial123', newPassword: 'Better1234' });
    expect(changed.status).toBe(200);
    expect(changed.json.user.mustChangePassword).toBe(false);
    expect((await c.get('/api/members')).status).toBe(200);
    expect((await t.client().login('newbie', 'Initial123')).status).toBe(401);

    // Admin reset: old password gone, new one must be changed at next sign-in, sessions ended.
    const reset = await admin.post(`/api/users/${created.json.id}/reset-password`, { password: 'Reset12345' });
    expect(reset.status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const after = await t.client().login('newbie', 'Reset12345');
    expect(after.json.user.mustChangePassword).toBe(true);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const admin = await t.as('admin');
    const u = await admin.post('/api/users', { username: 'leaver', password: 'Leaver1234', roles: ['member'], mustChangePassword: false });
    const c = t.client();
    await c.login('leaver', 'Leaver1234');
    expect((await admin.patch(`/api/users/${u.json.id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const res = await t.client().login('leaver', 'Leaver1234');
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('account_disabled');
  });

  it('stops an admin from locking themselves out', async () => {
    const admin = await t.as('admin');
    const me = (await admin.get('/api/auth/me')).json.user;
    expect((await admin.patch(`/api/users/${me.id}`, { roles: ['member'] })).status).toBe(409);
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).status).toBe(409);
  });
});
