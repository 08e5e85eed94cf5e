import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, PASSWORD, type Client, type TestApp } from '../../test/harness';
import { countRows } from '../../test/roster';
import { insertUser } from '../users/users.service';

// The organisation tree and per-school settings: documented defaults, validated edits with an audit
// row, and an upper union (区教育工会) adding a school whose first admin sees only that school.

const DEFAULTS = {
  timezone: 'Asia/Shanghai',
  quorumBase: 'all_delegates',
  assemblyStaffThreshold: 80,
  proposalCoSigners: 2,
  evaluationMinAnswers: 5,
  summaryPeriod: 'school_year',
  // Anhui 2025 (皖工发〔2025〕18号), in 分.
  careCaps: { festivalPerYear: 220000, birthday: 50000, hospital: 200000, childbirth: 200000, wedding: 200000, bereavement: 200000, retirement: 200000, hardshipOneOff: 200000 },
  allowCapOverride: false,
};

describe.each(DIALECTS)('organisations on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  const unionId = `union-${dialect}`;
  beforeAll(async () => {
    t = await makeApp(dialect);
    admin = await t.as('admin');
    const now = new Date().toISOString();
    await t.database.db.insertInto('orgs').values({ id: unionId, parent_id: null, name: '某区教育工会', kind: 'union', settings: '{}', created_at: now, updated_at: now }).execute();
    await insertUser(t.database.db, { orgId: unionId, userId: null, name: 'test' }, { username: 'district.union', password: PASSWORD, roles: ['upper_union'], mustChangePassword: false });
  });
  afterAll(() => t.close());

  it('GET /api/org returns the school with the documented default settings', async () => {
    const res = await admin.get('/api/org');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: t.a.orgId, parentId: t.unionId, name: '第一中学', kind: 'school', settings: DEFAULTS });
    // Committee members read the settings too (rules they work under); a plain member cannot.
    expect((await (await t.as('committee')).get('/api/org')).json.settings.proposalCoSigners).toBe(2);
    expect((await (await t.as('member')).get('/api/org')).status).toBe(403);
  });

  it('validates PATCH /api/org and changes nothing on a bad value', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ settings: { proposalCoSigners: -1 } }, 'settings.proposalCoSigners'],
      [{ settings: { proposalCoSigners: 2.5 } }, 'settings.proposalCoSigners'],
      [{ settings: { quorumBase: 'present_delegates' } }, 'settings.quorumBase'],
      [{ settings: { evaluationMinAnswers: 1 } }, 'settings.evaluationMinAnswers'],
      [{ settings: { careCaps: { ...DEFAULTS.careCaps, birthday: -100 } } }, 'settings.careCaps.birthday'],
      [{ settings: { careCaps: { ...DEFAULTS.careCaps, hospital: 1999.5 } } }, 'settings.careCaps.hospital'],
      [{ name: 'x' }, 'name'],
    ];
    const audits = await countRows(t.database, 'audit_log', t.a.orgId);
    for (const [body, field] of cases) {
      const res = await admin.patch('/api/org', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.json.error.fields)).toEqual([field]);
      expect(res.json.error.fields[field]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await admin.get('/api/org')).json.settings).toEqual(DEFAULTS);
    expect(await countRows(t.database, 'audit_log', t.a.orgId)).toBe(audits);
  });

  it('saves a valid change, keeps the other settings, and writes an audit row with before/after', async () => {
    const res = await admin.patch('/api/org', { settings: { proposalCoSigners: 3 } });
    expect(res.status).toBe(200);
    expect(res.json.settings).toEqual({ ...DEFAULTS, proposalCoSigners: 3 });
    expect((await admin.get('/api/org')).json.settings.proposalCoSigners).toBe(3);

    const me = (await admin.get('/api/auth/me')).json.user;
    const audit = (await admin.get(`/api/audit?entity=org&entityId=${t.a.orgId}`)).json.items[0];
    expect(audit).toMatchObject({ action: 'update', actorId: me.id });
    expect(audit.before.settings.proposalCoSigners).toBe(2);
    expect(audit.after.settings.proposalCoSigners).toBe(3);
    const raw = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'org').where('entity_id', '=', t.a.orgId).execute();
    expect(raw).toHaveLength(1);
    expect(JSON.parse(raw[0].after!).settings.proposalCoSigners).toBe(3);

    // The chair reads but may not change them; school B is untouched.
    expect((await (await t.as('chair')).patch('/api/org', { settings: { proposalCoSigners: 5 } })).status).toBe(403);
    expect((await (await t.as('admin', t.b)).get('/api/org')).json.settings).toEqual(DEFAULTS);

    // A later edit of another setting leaves this one alone.
    expect((await admin.patch('/api/org', { settings: { quorumBase: 'expected_delegates' } })).status).toBe(200);
    expect((await admin.patch('/api/org', { settings: { evaluationMinAnswers: 7 } })).status).toBe(200);
    expect((await admin.get('/api/org')).json.settings).toEqual({ ...DEFAULTS, proposalCoSigners: 3, quorumBase: 'expected_delegates', evaluationMinAnswers: 7 });
  });

  describe('an upper union adds a school', () => {
    let union: Client;
    let child: { id: string };
    beforeAll(async () => {
      union = t.client();
      expect((await union.login('district.union')).status).toBe(200);
    });

    it('creates the school with defaults and lists it among its children only', async () => {
      const res = await union.post('/api/orgs/children', { name: '第三中学', admin: { username: 'sanzhong.admin', password: 'Start1234' } });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ parentId: unionId, name: '第三中学', kind: 'school', settings: DEFAULTS });
      child = res.json;
      const list = await union.get('/api/orgs/children');
      expect(list.status).toBe(200);
      expect(list.json).toEqual({ items: [res.json], total: 1 });
      // An upper union reads aggregates, not a school's roster.
      expect((await union.get('/api/members')).status).toBe(403);
    });

    it('validates the new school and its admin, and creates nothing on a clash', async () => {
      const orgs = await countRows(t.database, 'orgs');
      const weak = await union.post('/api/orgs/children', { name: '第四中学', admin: { username: 'sizhong.admin', password: 'short' } });
      expect(weak.status).toBe(422);
      expect(weak.json.error.fields).toEqual({ 'admin.password': '密码至少 8 位，且须同时包含字母和数字' });
      expect((await union.post('/api/orgs/children', { name: '', admin: { username: 'sizhong.admin', password: 'Start1234' } })).status).toBe(422);
      const clash = await union.post('/api/orgs/children', { name: '第四中学', admin: { username: t.a.users.admin, password: 'Start1234' } });
      expect(clash.status).toBe(409);
      expect(clash.json.error.code).toBe('username_taken');
      expect(await countRows(t.database, 'orgs')).toBe(orgs);
    });

    it("gives the new school's admin a forced password change, then only that school's data", async () => {
      const c = t.client();
      const login = await c.login('sanzhong.admin', 'Start1234');
      expect(login.status).toBe(200);
      expect(login.json.user).toMatchObject({ mustChangePassword: true, roles: ['admin'], org: { id: child.id, name: '第三中学', kind: 'school' } });
      expect((await c.get('/api/members')).json.error.code).toBe('must_change_password');
      expect((await c.post('/api/auth/password', { currentPassword: 'Start1234', newPassword: 'Sanzhong2024' })).status).toBe(200);

      expect((await c.get('/api/org')).json).toMatchObject({ id: child.id, name: '第三中学' });
      expect((await c.get('/api/members')).json).toEqual({ items: [], total: 0 });
      expect((await c.get('/api/users')).json.items.map((u: { username: string }) => u.username)).toEqual(['sanzhong.admin']);
      expect((await c.get('/api/groups')).json.total).toBe(0);
      const aMember = await admin.post('/api/members', { employeeNo: 'ORG1', name: '一中会员' });
      expect((await c.get(`/api/members/${aMember.json.id}`)).status).toBe(404);
      const audit = await c.get('/api/audit?pageSize=200');
      expect(audit.status).toBe(200);
      expect(JSON.stringify(audit.json)).not.toContain(t.a.orgId);
      expect(JSON.stringify(audit.json)).not.toContain('一中会员');
      // Its own work is its own.
      expect((await c.post('/api/members', { employeeNo: 'ORG1', name: '三中会员' })).status).toBe(201);
      expect((await admin.get('/api/members?q=ORG1')).json.items.map((m: { name: string }) => m.name)).toEqual(['一中会员']);
    });
  });

  it('refuses child organisations to school roles (403)', async () => {
    for (const role of ['chair', 'committee', 'member'] as const) {
      const c = await t.as(role);
      expect((await c.get('/api/orgs/children')).status, role).toBe(403);
    }
  });

  it("refuses child organisations to a school's admin: a school has no schools under it", async () => {
    const orgs = await countRows(t.database, 'orgs');
    expect((await admin.get('/api/orgs/children')).status).toBe(403);
    const res = await admin.post('/api/orgs/children', { name: '分校', admin: { username: 'branch.admin', password: 'Start1234' } });
    expect(res.status).toBe(403);
    expect(await countRows(t.database, 'orgs')).toBe(orgs);
  });

  it('refuses a time zone that does not exist', async () => {
    const b = await t.as('admin', t.b);
    const res = await b.patch('/api/org', { settings: { timezone: 'Mars/Olympus_Mons' } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty(['settings.timezone']);
    // Had it been stored, every date-filtered audit query would fail.
    expect((await b.get('/api/audit?from=2024-09-01')).status).toBe(200);
  });

  it("is seen at once by every signed-in user after a change: the school's name and time zone ride on the session", async () => {
    const member = await t.as('member');
    expect((await member.get('/api/auth/me')).json.user.org).toEqual({ id: t.a.orgId, name: '第一中学', kind: 'school', timeZone: 'Asia/Shanghai' });
    expect((await admin.patch('/api/org', { name: '第一中学（新校区）', settings: { timezone: 'Asia/Urumqi' } })).status).toBe(200);
    expect((await member.get('/api/auth/me')).json.user.org).toMatchObject({ name: '第一中学（新校区）', timeZone: 'Asia/Urumqi' });
    expect((await admin.get('/api/org')).json).toMatchObject({ name: '第一中学（新校区）', settings: { timezone: 'Asia/Urumqi' } });
    await admin.patch('/api/org', { name: '第一中学', settings: { timezone: 'Asia/Shanghai' } });
    expect((await member.get('/api/auth/me')).json.user.org.timeZone).toBe('Asia/Shanghai');
  });
});
