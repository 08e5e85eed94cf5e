import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../common/permissions';
import { DIALECTS, makeApp, PASSWORD, type Client, type Res, type TestApp } from '../test/harness';
import { countAll, countRows, multipart, readSheet, rosterXlsx } from '../test/roster';

// The permission matrix, driven by the app's own route table: every route declares its access, every
// role without a route's permission is refused, and another school's ids behave as if they did not exist.

type Route = { method: string; url: string; access: string | undefined };
const isPermission = (a: string | undefined): a is Permission => (PERMISSIONS as readonly string[]).includes(a ?? '');

describe.each(DIALECTS)('access control on %s', (dialect) => {
  let t: TestApp;
  const seen: { what: string; res: Res }[] = [];
  const ids = { member: '', deletedMember: '', group: '', user: '', term: '', delegation: '', session: '', vote: '', file: '', guest: '' };
  const proposalIds = { proposal: '', template: '' };
  const suggestionIds = { department: '', suggestion: '' };
  const disclosureIds = { item: '', issue: '', question: '', category: '' };
  const careIds = { record: '', batch: '', entry: '' };
  const hardshipIds = { file: '', application: '', campaign: '', item: '' };
  let roster: Buffer;
  let clients: Record<Role, Client>;

  /** Records every answer, so the last test can check that none carries a stack trace. */
  function track(c: Client): Client {
    const send = c.request.bind(c);
    c.request = async (method, url, opts) => {
      const res = await send(method, url, opts);
      seen.push({ what: `${method} ${url}`, res });
      return res;
    };
    return c;
  }

  const concrete = (url: string) =>
    url
      .replace('/api/congress/terms/:id/delegates/:memberId', `/api/congress/terms/${ids.term}/delegates/${ids.member}`)
      .replace('/api/congress/terms/:id/delegations/:delegationId', `/api/congress/terms/${ids.term}/delegations/${ids.delegation}`)
      .replace('/api/congress/sessions/:id/guests/:guestId', `/api/congress/sessions/${ids.session}/guests/${ids.guest}`)
      .replace('/api/congress/terms/:id', `/api/congress/terms/${ids.term}`)
      .replace('/api/congress/sessions/:id', `/api/congress/sessions/${ids.session}`)
      .replace('/api/congress/votes/:id', `/api/congress/votes/${ids.vote}`)
      .replace('/api/members/:id/restore', `/api/members/${ids.deletedMember}/restore`)
      .replace('/api/members/:id', `/api/members/${ids.member}`)
      .replace('/api/groups/:id', `/api/groups/${ids.group}`)
      .replace('/api/users/:id', `/api/users/${ids.user}`)
      .replace('/api/departments/:id', `/api/departments/${suggestionIds.department}`)
      .replace('/api/suggestions/:id', `/api/suggestions/${suggestionIds.suggestion}`)
      .replace('/api/proposals/:id', `/api/proposals/${proposalIds.proposal}`)
      .replace('/api/proposal-templates/:id', `/api/proposal-templates/${proposalIds.template}`)
      .replace('/api/files/:id', `/api/files/${ids.file}`)
      .replace('/api/disclosures/:id', `/api/disclosures/${disclosureIds.item}`)
      .replace('/api/disclosure-issues/:id', `/api/disclosure-issues/${disclosureIds.issue}`)
      .replace('/api/disclosure-questions/:id', `/api/disclosure-questions/${disclosureIds.question}`)
      .replace('/api/disclosure-categories/:id', `/api/disclosure-categories/${disclosureIds.category}`)
      // A staff-only item: the public page answers 404 for it to everyone.
      .replace('/api/public/:orgId/disclosures/:id', `/api/public/${t.a.orgId}/disclosures/${disclosureIds.item}`)
      .replace('/api/care/records/:id', `/api/care/records/${careIds.record}`)
      .replace('/api/care/members/:id', `/api/care/members/${ids.member}`)
      .replace('/api/care/batches/:id', `/api/care/batches/${careIds.batch}`)
      .replace('/api/funds/entries/:id', `/api/funds/entries/${careIds.entry}`)
      .replace('/api/hardship/files/:id', `/api/hardship/files/${hardshipIds.file}`)
      .replace('/api/hardship/applications/:id', `/api/hardship/applications/${hardshipIds.application}`)
      .replace('/api/hardship/campaigns/:id/items/:itemId', `/api/hardship/campaigns/${hardshipIds.campaign}/items/${hardshipIds.item}`)
      .replace('/api/hardship/campaigns/:id', `/api/hardship/campaigns/${hardshipIds.campaign}`);

  const BODIES: Record<string, () => unknown> = {
    'POST /api/disclosures': () => ({ categoryId: disclosureIds.category, title: '冒名公开', content: '<p>冒名</p>', audience: 'public', visibleFrom: '2025-09-01' }),
    'PATCH /api/disclosures/:id': () => ({ title: '被改掉的公开' }),
    'POST /api/disclosures/:id/return': () => ({ comment: '冒名退回' }),
    'POST /api/disclosures/:id/questions': () => ({ body: '冒名提问' }),
    'POST /api/disclosure-questions/:id/answer': () => ({ body: '冒名答复', public: true }),
    'POST /api/disclosure-issues': () => ({ title: '冒名期次' }),
    'PATCH /api/disclosure-issues/:id': () => ({ title: '被改掉的期次' }),
    'POST /api/disclosure-categories': () => ({ name: '冒名类别' }),
    'PATCH /api/disclosure-categories/:id': () => ({ name: '被改掉的类别' }),
    'POST /api/orgs/children': () => ({ name: '冒名学校', admin: { username: 'intruder.admin', password: 'Start1234' } }),
    'PATCH /api/org': () => ({ name: '被改掉的名字', settings: { proposalCoSigners: 9 } }),
    'POST /api/users': () => ({ username: 'intruder', password: 'Start1234', roles: ['admin'] }),
    'PATCH /api/users/:id': () => ({ roles: ['admin'] }),
    'POST /api/users/:id/reset-password': () => ({ password: 'Hacked1234' }),
    'POST /api/users/bulk': () => ({ memberIds: [ids.member], roles: ['admin'] }),
    'POST /api/groups': () => ({ name: '冒名小组' }),
    'PATCH /api/groups/:id': () => ({ name: '被改掉的小组' }),
    'POST /api/members': () => ({ employeeNo: 'X999', name: '冒名会员' }),
    'PATCH /api/members/:id': () => ({ name: '被改掉的会员' }),
    'POST /api/auth/password': () => ({ currentPassword: PASSWORD, newPassword: 'Changed1234' }),
    'POST /api/congress/terms': () => ({ name: '冒名届', startDate: '2025-09-01', endDate: '2028-08-31' }),
    'POST /api/congress/terms/:id/delegates': () => ({ memberId: ids.member }),
    'PATCH /api/congress/terms/:id/delegations/:delegationId': () => ({ headMemberId: null }),
    'POST /api/congress/sessions': () => ({ termId: ids.term, name: '冒名会议', date: '2025-09-05' }),
    'PUT /api/congress/sessions/:id/agenda': () => ({ items: [] }),
    'POST /api/congress/sessions/:id/guests': () => ({ name: '冒名列席' }),
    'POST /api/congress/sessions/:id/attendance': () => ({ memberId: ids.member, present: true }),
    'POST /api/congress/sessions/:id/attendance/bulk': () => ({ memberIds: [ids.member], present: true }),
    'POST /api/congress/sessions/:id/checkin': () => ({ code: 'not-the-code-at-all' }),
    'POST /api/congress/sessions/:id/votes': () => ({ title: '冒名表决', kind: 'resolution', secret: false }),
    'POST /api/congress/votes/:id/ballots': () => ({ choice: 'yes' }),
    'POST /api/congress/terms/:id/requests': () => ({ reason: '冒名提议召开临时会议' }),
    'POST /api/departments': () => ({ name: '冒名部门' }),
    'PATCH /api/departments/:id': () => ({ name: '被改掉的部门', handlerUserIds: [] }),
    'POST /api/suggestions': () => ({ to: 'union', title: '冒名意见', content: '内容', anonymous: false }),
    'POST /api/suggestions/:id/replies': () => ({ body: '冒名答复' }),
    'POST /api/suggestions/:id/status': () => ({ status: 'closed' }),
    'POST /api/suggestions/:id/wall': () => ({ published: false }),
    'POST /api/suggestions/:id/proposal': () => ({ proposalId: null }),
    'POST /api/suggestions/:id/messages': () => ({ body: '冒名留言' }),
    'POST /api/suggestions/:id/wall-consent': () => ({ consent: true }),
    'PATCH /api/congress/terms/:id': () => ({ name: '被改掉的届' }),
    'PATCH /api/congress/sessions/:id': () => ({ name: '被改掉的会议' }),
    'PATCH /api/congress/sessions/:id/guests/:guestId': () => ({ name: '被改掉的列席' }),
    'PATCH /api/congress/votes/:id': () => ({ title: '被改掉的表决' }),
    'POST /api/care/records': () => ({ memberId: ids.member, type: 'wedding', date: '2025-05-01', amount: 100000 }),
    'PATCH /api/care/records/:id': () => ({ note: '被改掉的备注' }),
    'POST /api/care/records/:id/void': () => ({ reason: '冒名作废' }),
    'POST /api/care/batches/preview': () => ({ festival: 'spring', date: '2026-02-17', scope: 'picked', memberIds: [ids.member], amount: 10000, item: '年货' }),
    'POST /api/care/batches': () => ({ festival: 'spring', date: '2026-02-17', scope: 'picked', memberIds: [ids.member], amount: 10000, item: '年货' }),
    'POST /api/funds/entries': () => ({ direction: 'expense', category: 'other', date: '2025-06-01', amount: 100, voucherNo: 'X-1', summary: '冒名支出' }),
    'POST /api/funds/entries/:id/reverse': () => ({ reason: '冒名冲销' }),
    'PUT /api/funds/budgets': () => ({ year: 2025, items: { care: 1, hardship: 1, activities: 1, training: 1, other: 1 } }),
  };
  /** Streams never end, so the positive control leaves them to the congress tests. */
  const streaming = (r: Route) => r.url.endsWith('/live');

  async function call(c: Client, r: Route): Promise<Res> {
    const url = concrete(r.url);
    if (r.url === '/api/members/import') return c.request('POST', url, await multipart(roster));
    if (r.method === 'POST' && r.url === '/api/files') return c.request('POST', `${url}?ownerKind=congress_session&ownerId=${ids.session}`, await multipart(roster, { filename: '冒名.xlsx' }));
    const body = BODIES[`${r.method} ${r.url}`];
    return c.request(r.method as 'GET', url, body ? { body: body() } : {});
  }

  const routes = (): Route[] => t.app.routeTable.filter((r) => r.method !== 'HEAD');
  const permissionRoutes = () => routes().filter((r) => isPermission(r.access));

  /** School A's rows as stored, to prove refused calls changed nothing. */
  async function snapshot() {
    const db = t.database.db;
    return {
      members: await db.selectFrom('members').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      groups: await db.selectFrom('member_groups').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      users: await db.selectFrom('users').select(['id', 'username', 'roles', 'password_hash', 'disabled', 'member_id', 'must_change_password']).where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      org: await db.selectFrom('orgs').selectAll().where('id', '=', t.a.orgId).execute(),
      departments: await db.selectFrom('departments').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      suggestions: await db.selectFrom('suggestions').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      files: await db.selectFrom('files').select(['id', 'name', 'sha256']).where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      disclosures: {
        items: await db.selectFrom('disclosures').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        issues: await db.selectFrom('disclosure_issues').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        categories: await db.selectFrom('disclosure_categories').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        questions: await db.selectFrom('disclosure_questions').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
      },
      care: {
        records: await db.selectFrom('care_records').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        batches: await db.selectFrom('care_batches').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        entries: await db.selectFrom('fund_entries').selectAll().where('org_id', '=', t.a.orgId).orderBy('id').execute(),
        budgets: await db.selectFrom('fund_budgets').selectAll().where('org_id', '=', t.a.orgId).orderBy('category').execute(),
      },
      counts: { ...(await countAll(t.database)), users: await countRows(t.database, 'users'), orgs: await countRows(t.database, 'orgs') },
    };
  }

  beforeAll(async () => {
    t = await makeApp(dialect);
    const admin = await t.as('admin');
    ids.group = (await admin.post('/api/groups', { name: '一中语文组' })).json.id;
    ids.member = (await admin.post('/api/members', { employeeNo: 'A001', name: '一中甲', phone: '13512345678', groupId: ids.group })).json.id;
    ids.deletedMember = (await admin.post('/api/members', { employeeNo: 'A002', name: '一中乙' })).json.id;
    expect((await admin.del(`/api/members/${ids.deletedMember}`)).status).toBe(204);
    ids.user = (await t.database.db.selectFrom('users').select('id').where('username', '=', t.a.users.member).executeTakeFirstOrThrow()).id;
    const term = await admin.post('/api/congress/terms', { name: '第一届', startDate: '2025-09-01', endDate: '2028-08-31' });
    ids.term = term.json.id;
    ids.delegation = (await admin.post(`/api/congress/terms/${ids.term}/delegates`, { memberId: ids.member, delegation: '语文代表团' })).json.delegations[0].id;
    ids.session = (await admin.post('/api/congress/sessions', { termId: ids.term, name: '第一届第一次会议', date: '2025-09-05' })).json.id;
    ids.vote = (await admin.post(`/api/congress/sessions/${ids.session}/votes`, { title: '工作报告', kind: 'resolution', secret: true })).json.id;
    ids.guest = (await admin.post(`/api/congress/sessions/${ids.session}/guests`, { name: '列席人员' })).json.guests[0].id;
    // A proposal by a delegate of school A, and a template (for the :id routes of 提案).
    await admin.request('PUT', '/api/proposal-windows', { body: { sessionId: ids.session, opensOn: '2000-01-01', closesOn: '2999-12-31' } });
    await admin.post('/api/users', { username: 'a-delegate', password: PASSWORD, roles: ['member'], memberId: ids.member, mustChangePassword: false });
    const delegate = t.client();
    await delegate.login('a-delegate');
    proposalIds.proposal = (await delegate.post('/api/proposals', { sessionId: ids.session, title: '一中提案', reasons: '理由', measures: '建议', category: 'other' })).json.id;
    proposalIds.template = (await admin.post('/api/proposal-templates', { kind: 'reply', name: '一中模板', body: '模板内容' })).json.id;
    expect(proposalIds.proposal && proposalIds.template).toBeTruthy();
    roster = await rosterXlsx({ headers: ['工号', '姓名'], rows: [['X998', '冒名导入']] });
    // A department and a named suggestion to the union (for the :id routes of the 意见箱).
    suggestionIds.department = (await admin.post('/api/departments', { name: '一中总务处' })).json.id;
    suggestionIds.suggestion = (await (await t.as('member')).post('/api/suggestions', { to: 'union', title: '一中意见', content: '内容', anonymous: false })).json.id;
    expect(suggestionIds.department && suggestionIds.suggestion).toBeTruthy();
    ids.file = (await admin.request('POST', `/api/files?ownerKind=congress_session&ownerId=${ids.session}`, await multipart(roster, { filename: '会议材料.xlsx' }))).json.id;
    // A published staff item with a member's question, its issue and a category (for the :id routes of 校务公开).
    const [chair, supervisor] = [await t.as('chair'), await t.as('supervisor')];
    disclosureIds.category = (await chair.get('/api/disclosure-categories')).json.items[0].id;
    disclosureIds.issue = (await chair.post('/api/disclosure-issues', {})).json.id;
    disclosureIds.item = (await chair.post('/api/disclosures', { categoryId: disclosureIds.category, title: '一中公开', content: '<p>内容</p>', audience: 'staff', visibleFrom: '2000-01-01', issueId: disclosureIds.issue })).json.id;
    await chair.post(`/api/disclosures/${disclosureIds.item}/submit`);
    await supervisor.post(`/api/disclosures/${disclosureIds.item}/approve`);
    await chair.post(`/api/disclosure-issues/${disclosureIds.issue}/publish`);
    disclosureIds.question = (await (await t.as('member')).post(`/api/disclosures/${disclosureIds.item}/questions`, { body: '一中提问' })).json.questions[0].id;
    expect(Object.values(disclosureIds).every(Boolean)).toBe(true);
    // A care record, a festival batch and a fund entry by hand (for the :id routes of 慰问 and 经费).
    careIds.record = (await chair.post('/api/care/records', { memberId: ids.member, type: 'hospital', date: '2025-03-02', amount: 100000, reason: '肺炎' })).json.id;
    careIds.batch = (await chair.post('/api/care/batches', { festival: 'mid_autumn', date: '2025-10-06', scope: 'picked', memberIds: [ids.member], amount: 20000, item: '月饼' })).json.id;
    careIds.entry = (await chair.post('/api/funds/entries', { direction: 'income', category: 'dues', date: '2025-01-10', amount: 100000, voucherNo: 'J-1', summary: '会费' })).json.id;
    expect(Object.values(careIds).every(Boolean)).toBe(true);
    // A 困难档案, an application and a 送温暖 campaign (for the :id routes of 困难帮扶).
    hardshipIds.file = (await chair.post('/api/hardship/files', { memberId: ids.member, level: 'severe', reasons: ['illness'], householdSize: 3, incomePerHead: 80000, reviewOn: '2030-01-01' })).json.id;
    hardshipIds.application = (await chair.post('/api/hardship/applications', { memberId: ids.member, amount: 100000, reason: '医药费' })).json.id;
    const campaign = (await chair.post('/api/hardship/campaigns', { title: '春节送温暖', date: '2025-01-20', levels: ['severe'], amount: 50000, form: 'cash' })).json;
    [hardshipIds.campaign, hardshipIds.item] = [campaign.id, campaign.items?.[0]?.id];
    expect(Object.values(hardshipIds).every(Boolean)).toBe(true);
    clients = {} as Record<Role, Client>;
    for (const role of ROLES) clients[role] = track(await t.as(role));
  });
  afterAll(() => t.close());

  it('every registered route declares its access (a permission, authenticated, or public)', () => {
    expect(routes().length).toBeGreaterThan(25);
    const undeclared = t.app.routeTable.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    // Every named permission guards at least one route, so the matrix below exercises all of them.
    expect(new Set(permissionRoutes().map((r) => r.access))).toEqual(new Set(PERMISSIONS));
  });

  it('serves the API documentation publicly', async () => {
    const res = await track(t.client()).get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toMatch(/^3\./);
    expect(Object.keys(res.json.paths)).toContain('/api/members/import');
  });

  it('refuses every permission route to every role that lacks the permission (403), and changes nothing', async () => {
    const before = await snapshot();
    let checked = 0;
    for (const r of permissionRoutes()) {
      const lacking = ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes(r.access as Permission));
      expect(lacking.length, `${r.method} ${r.url}`).toBeGreaterThan(0);
      for (const role of lacking) {
        const res = await call(clients[role], r);
        expect(res.status, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the roles that hold a permission read (positive control for the matrix)', async () => {
    for (const r of permissionRoutes().filter((x) => x.method === 'GET' && !streaming(x))) {
      for (const role of ROLES.filter((x) => ROLE_PERMISSIONS[x].includes(r.access as Permission))) {
        expect((await call(clients[role], r)).status, `${role} ${r.method} ${r.url}`).toBe(200);
      }
    }
  });

  it('answers 401 to a caller without a session on every non-public route, and changes nothing', async () => {
    const before = await snapshot();
    const anon = track(t.client());
    const guarded = routes().filter((r) => r.access !== undefined && r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    for (const r of guarded) {
      const res = await call(anon, r);
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
      expect(res.json.error).toEqual({ code: 'unauthenticated', message: '请先登录' });
    }
    expect(await snapshot()).toEqual(before);
  });

  describe("another school's ids (school B's admin, who holds every permission)", () => {
    let b: Client;
    beforeAll(async () => {
      b = track(await t.as('admin', t.b));
    });

    it('answers 404 on every :id route and changes nothing in school A', async () => {
      const before = await snapshot();
      const idRoutes = routes().filter((r) => r.url.includes(':id'));
      expect(idRoutes.length).toBeGreaterThanOrEqual(8);
      for (const r of idRoutes) {
        const res = await call(b, r);
        expect(res.status, `${r.method} ${r.url}`).toBe(404);
        expect(res.json.error.code).toBe('not_found');
      }
      expect(await snapshot()).toEqual(before);
      // School A's user still signs in with the old password.
      expect((await t.client().login(t.a.users.member)).status).toBe(200);
    });

    it('never lists school A rows', async () => {
      const aMarkers = [t.a.orgId, ids.member, ids.group, ids.user, '一中甲', '一中语文组', t.a.users.member];
      for (const url of ['/api/members', '/api/members?q=A001', `/api/members?q=${encodeURIComponent('一中')}`, '/api/members?q=yzj', `/api/members?groupId=${ids.group}`, '/api/groups', '/api/users?pageSize=200', '/api/users?q=a-', '/api/audit?pageSize=200', `/api/audit?entityId=${ids.member}`, '/api/org']) {
        const res = await b.get(url);
        expect(res.status, url).toBe(200);
        const text = JSON.stringify(res.json);
        for (const m of aMarkers) expect(text, `${url} leaks ${m}`).not.toContain(m);
      }
      const exported = await b.get('/api/members/export');
      const cells = JSON.stringify(await readSheet(exported.raw));
      expect(cells).not.toContain('A001');
      expect(cells).not.toContain('一中甲');
    });

    it("refuses to link school A's group, member or account from school B", async () => {
      const before = await snapshot();
      const withGroup = await b.post('/api/members', { employeeNo: 'B500', name: '二小会员', groupId: ids.group });
      expect(withGroup.status).toBe(422);
      expect(withGroup.json.error.fields).toEqual({ groupId: '工会小组不存在' });
      const leader = await b.post('/api/groups', { name: '二小组', leaderMemberId: ids.member });
      expect(leader.status).toBe(422);
      expect(leader.json.error.fields).toEqual({ leaderMemberId: '会员不存在' });
      expect((await b.post('/api/users', { username: 'b.link', password: 'Start1234', roles: ['member'], memberId: ids.member })).status).toBe(422);
      expect((await b.post('/api/users/bulk', { memberIds: [ids.member], roles: ['member'] })).status).toBe(422);
      expect(await snapshot()).toEqual(before);
      // The same 工号 is fine in another school: uniqueness is per school.
      expect((await b.post('/api/members', { employeeNo: 'A001', name: '二小同号' })).status).toBe(201);
    });
  });

  describe('errors', () => {
    it('answers an unknown /api route with 404 JSON, signed in or not, in either language', async () => {
      const anon = track(t.client());
      for (const [method, url] of [['GET', '/api/nope'], ['POST', '/api/nope'], ['DELETE', '/api/members'], ['GET', '/api/members/a/b/c']] as const) {
        const res = await anon.request(method, url);
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.json).toEqual({ error: { code: 'not_found', message: '接口不存在' } });
      }
      anon.lang = 'en';
      expect((await anon.get('/api/nope')).json.error.message).toBe('No such API endpoint');
      expect((await clients.admin.get('/api/nope')).json.error.code).toBe('not_found');
    });

    it('answers malformed JSON with 400 JSON', async () => {
      const headers = { 'content-type': 'application/json' };
      const anon = track(t.client());
      const login = await anon.request('POST', '/api/auth/login', { payload: '{"username": "a-admin",', headers });
      expect(login.status).toBe(400);
      expect(login.json.error).toEqual({ code: 'bad_request', message: '请求格式不正确' });
      const member = await clients.admin.request('POST', '/api/members', { payload: '{employeeNo: X1}', headers });
      expect(member.status).toBe(400);
      expect(member.json.error.code).toBe('bad_request');
    });

    it('answers a JSON body over 1 MB with 413 JSON that speaks of the request, not a file', async () => {
      const res = await track(t.client()).post('/api/auth/login', { username: 'a-admin', password: 'x'.repeat(1024 * 1024 + 10) });
      expect(res.status).toBe(413);
      expect(res.json.error).toEqual({ code: 'payload_too_large', message: '提交的内容过大' });
      const admin = await clients.admin.post('/api/groups', { name: '大', note: 'x'.repeat(1100 * 1024) });
      expect(admin.status).toBe(413);
    });

    it('answers odd input with a 4xx in the usual JSON shape, never a 500', async () => {
      const c = clients.admin;
      const odd: [string, string, unknown?][] = [
        ['GET', `/api/members/${'x'.repeat(65)}`],
        ['GET', `/api/members/${'x'.repeat(200)}`],
        ['GET', '/api/members/%E0%A4%A'],
        ['GET', '/api/members?page=0'],
        ['GET', '/api/members?page=abc&pageSize=-1'],
        ['GET', `/api/members?q=${'张'.repeat(100)}`],
        ['GET', '/api/members?sort=name;drop table members'],
        ['GET', '/api/audit?from=2024-13-45'],
        ['GET', '/api/audit?pageSize=100000'],
        ['GET', '/api/users?role=%00'],
        ['POST', '/api/members', []],
        ['POST', '/api/members', { employeeNo: { $gt: '' }, name: ['x'] }],
        ['PATCH', '/api/org', { settings: 'all' }],
        ['POST', '/api/users/bulk', { memberIds: 'all', roles: ['member'] }],
      ];
      for (const [method, url, body] of odd) {
        const res = await c.request(method as 'GET', url, body === undefined ? {} : { body });
        const what = `${method} ${url.slice(0, 60)}`;
        expect.soft(res.status, what).toBeGreaterThanOrEqual(400);
        expect.soft(res.status, what).toBeLessThan(500);
        expect.soft(res.json?.error?.code, what).toEqual(expect.any(String));
        expect.soft(res.json?.error?.message, what).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('never answers 500 to text containing a NUL character', async () => {
      const anon = track(t.client());
      const cases: [Client, string, string, unknown?][] = [
        [clients.admin, 'POST', '/api/members', { employeeNo: 'NUL1', name: '零\u0000字' }],
        [clients.admin, 'POST', '/api/groups', { name: '空\u0000组' }],
        [clients.admin, 'GET', '/api/members?q=z%00'],
        [anon, 'POST', '/api/auth/login', { username: 'a-admin\u0000', password: 'whatever1' }],
      ];
      for (const [c, method, url, body] of cases) {
        const res = await c.request(method as 'GET', url, body === undefined ? {} : { body });
        expect.soft(res.status, `${method} ${url}`).toBeLessThan(500);
      }
    });

    it('says a value of the wrong type is invalid, not missing', async () => {
      const res = await clients.admin.post('/api/members', { employeeNo: 12345, name: '类型' });
      expect(res.status).toBe(422);
      expect(res.json.error.fields).toEqual({ employeeNo: '格式不正确' });
      const page = await clients.admin.get('/api/members?page=abc');
      expect(page.json.error.fields).toEqual({ page: '格式不正确' });
    });

    it('never puts a stack trace or a file path in any error body produced above', () => {
      const errors = seen.filter((s) => s.res.status >= 400);
      expect(errors.length).toBeGreaterThan(150);
      for (const { what, res } of errors) {
        expect.soft(res.raw.toString('utf8'), what).not.toMatch(/\bat\s+\S+\s+\(|\bat\s+(file:\/\/|\/)|\.(ts|js|mjs):\d+|node_modules|\/work\/|Error:\s/);
      }
    });

    it('gives every error body produced above the { error: { code, message } } shape', () => {
      for (const { what, res } of seen.filter((s) => s.res.status >= 400)) {
        expect.soft(res.json?.error, what).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    });
  });
});
