import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';

// Members through the real app: CRUD with soft delete, field validation in both languages, 工号
// uniqueness, the one search box (pinyin, initials, 工号, phone, 汉字), filters, sort, paging, audit.

const base = { employeeNo: 'M1001', name: '张三', gender: 'male', birthDate: '1985-03-12', phone: '13800001111', department: '语文组' };

describe.each(DIALECTS)('members on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await makeApp(dialect);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const names = (res: { json: { items: { name: string }[] } }) => res.json.items.map((m) => m.name);

  it('creates, reads, updates, soft-deletes and restores a member', async () => {
    const created = await admin.post('/api/members', { ...base, title: 'intermediate', politicalStatus: '中共党员', hireDate: '2008-09-01', joinDate: '2008-10-01' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      employeeNo: 'M1001', name: '张三', namePinyin: 'zhangsan', gender: 'male', birthDate: '1985-03-12', phone: '13800001111',
      department: '语文组', staffCategory: 'teacher', title: 'intermediate', politicalStatus: '中共党员', hireDate: '2008-09-01',
      joinDate: '2008-10-01', status: 'active', groupId: null, hardshipLevel: 'none', hasAccount: false,
    });
    const id = created.json.id as string;
    expect((await admin.get(`/api/members/${id}`)).json).toEqual(created.json);

    const patched = await admin.patch(`/api/members/${id}`, { phone: '13900002222', department: '数学组' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ phone: '13900002222', department: '数学组', name: '张三', birthDate: '1985-03-12' });

    expect((await admin.del(`/api/members/${id}`)).status).toBe(204);
    const gone = await admin.get(`/api/members/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error).toEqual({ code: 'not_found', message: '会员不存在' });
    expect((await admin.get('/api/members?q=M1001')).json.total).toBe(0);
    // The row is kept (soft delete), so it can come back.
    const raw = await t.database.db.selectFrom('members').select(['deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.deleted_at).not.toBeNull();

    const restored = await admin.post(`/api/members/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ id, phone: '13900002222', department: '数学组' });
    expect((await admin.get('/api/members?q=M1001')).json.total).toBe(1);
  });

  it('PATCH changes only the fields sent: a retiree stays retired when a phone number is fixed', async () => {
    const created = await admin.post('/api/members', {
      employeeNo: 'M1002', name: '退休王', staffCategory: 'worker', title: 'senior', status: 'retired', hardshipLevel: 'severe',
    });
    expect(created.status).toBe(201);
    const patched = await admin.patch(`/api/members/${created.json.id}`, { phone: '13700001234' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ phone: '13700001234', staffCategory: 'worker', title: 'senior', status: 'retired', hardshipLevel: 'severe' });
    const stored = await admin.get(`/api/members/${created.json.id}`);
    expect(stored.json).toMatchObject({ status: 'retired', title: 'senior', staffCategory: 'worker', hardshipLevel: 'severe' });
  });

  const invalid: [string, Record<string, unknown>, string, string, string][] = [
    ['a bad phone', { phone: '12345' }, 'phone', '手机号格式不正确（应为 11 位手机号，或带区号的固定电话）', 'Phone must be an 11-digit mobile number or a landline with area code'],
    ['a date that does not exist', { birthDate: '2023-02-30' }, 'birthDate', '日期格式应为 YYYY-MM-DD，且是真实存在的日期', 'Date must be YYYY-MM-DD and a real date'],
    ['a date in another format', { joinDate: '2008/10/01' }, 'joinDate', '日期格式应为 YYYY-MM-DD，且是真实存在的日期', 'Date must be YYYY-MM-DD and a real date'],
    ['a missing name', { name: undefined }, 'name', '此项必填', 'This field is required'],
    ['a blank name', { name: '   ' }, 'name', '姓名应为 1–40 个字符', 'Name must be 1–40 characters'],
    ['an unknown 岗位类别', { staffCategory: 'pilot' }, 'staffCategory', '不是允许的选项', 'Not an allowed option'],
    ['an unknown status', { status: 'dead' }, 'status', '不是允许的选项', 'Not an allowed option'],
    ['a bad 工号', { employeeNo: 'A 01!' }, 'employeeNo', '工号只能包含字母、数字和 -，最长 32 位', 'Staff number: letters, digits and -, at most 32 characters'],
  ];
  it.each(invalid)('refuses %s with 422 and a field message in Chinese, English on request', async (_label, patch, field, zh, en) => {
    const body = { ...base, employeeNo: 'V9001', ...patch };
    const res = await admin.post('/api/members', body);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('validation');
    expect(res.json.error.message).toBe('提交的内容有误，请检查标出的字段');
    expect(res.json.error.fields).toEqual({ [field]: zh });

    const c = await t.as('admin');
    c.lang = 'en';
    const english = await c.post('/api/members', body);
    expect(english.status).toBe(422);
    expect(english.json.error.message).toBe('Some fields are invalid; please check them');
    expect(english.json.error.fields).toEqual({ [field]: en });

    // The same rule applies to an edit, and nothing was stored.
    const target = (await admin.get('/api/members?q=M1001')).json.items[0];
    if (field !== 'name' || patch.name !== undefined) expect((await admin.patch(`/api/members/${target.id}`, patch)).status).toBe(422);
    const stored = await t.database.db.selectFrom('members').select('id').where('employee_no', 'in', ['V9001', 'A 01!', 'A01!']).execute();
    expect(stored).toEqual([]);
  });

  it('refuses a duplicate 工号 with 409, also on edit and restore, but allows reuse after deletion', async () => {
    const first = await admin.post('/api/members', { ...base, employeeNo: 'D2001', name: '甲' });
    expect(first.status).toBe(201);
    const dup = await admin.post('/api/members', { ...base, employeeNo: ' D2001 ', name: '乙' });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: 'employee_no_taken', fields: { employeeNo: '工号已存在' } });

    const other = await admin.post('/api/members', { ...base, employeeNo: 'D2002', name: '丙' });
    expect((await admin.patch(`/api/members/${other.json.id}`, { employeeNo: 'D2001' })).status).toBe(409);
    expect((await admin.get(`/api/members/${other.json.id}`)).json.employeeNo).toBe('D2002');

    expect((await admin.del(`/api/members/${first.json.id}`)).status).toBe(204);
    const reuse = await admin.post('/api/members', { ...base, employeeNo: 'D2001', name: '丁' });
    expect(reuse.status).toBe(201);
    const restore = await admin.post(`/api/members/${first.json.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.json.error.code).toBe('employee_no_taken');
    expect((await admin.get(`/api/members/${first.json.id}`)).status).toBe(404);
  });

  describe('search, filters, sort and paging (school B, a known set)', () => {
    let b: Client;
    const groups: Record<string, string> = {};
    beforeAll(async () => {
      b = await t.as('admin', t.b);
      for (const name of ['语文组', '数学组']) groups[name] = (await b.post('/api/groups', { name })).json.id;
      const rows = [
        { employeeNo: 'B001', name: '张三', phone: '13811112222', staffCategory: 'teacher', title: 'intermediate', groupId: groups['语文组'] },
        { employeeNo: 'B002', name: '张珊珊', phone: '13922223333', staffCategory: 'teacher', title: 'senior', status: 'retired', groupId: groups['数学组'] },
        { employeeNo: 'B003', name: '李四', phone: '13811119999', staffCategory: 'staff', title: 'none' },
        { employeeNo: 'B010', name: '曾国藩', staffCategory: 'worker', title: 'junior', groupId: groups['语文组'] },
        { employeeNo: 'B011', name: '单雄信', staffCategory: 'other', title: 'junior', status: 'transferred' },
        { employeeNo: 'B020', name: '王五', staffCategory: 'teacher', title: 'associate_senior' },
      ];
      for (const r of rows) expect((await b.post('/api/members', r)).status).toBe(201);
    });

    const search = async (q: string) => names((await b.get(`/api/members?q=${encodeURIComponent(q)}`)));

    it('matches full pinyin, initials, 工号 prefix, phone prefix and a Chinese name substring', async () => {
      expect(await search('zhangsan')).toEqual(['张三']);
      expect(await search('zhang san')).toEqual(['张三']);
      expect(await search('zs')).toEqual(['张三', '张珊珊']);
      expect(await search('ZS')).toEqual(['张三', '张珊珊']);
      expect(await search('B01')).toEqual(['曾国藩', '单雄信']);
      expect(await search('b01')).toEqual(['曾国藩', '单雄信']);
      expect(await search('13811')).toEqual(['张三', '李四']);
      expect(await search('珊')).toEqual(['张珊珊']);
      expect(await search('张')).toEqual(['张三', '张珊珊']);
      expect(await search('nobody')).toEqual([]);
      expect(await search('%')).toEqual([]);
      expect(await search("'_")).toEqual([]);
    });

    it('reads polyphonic surnames as surnames: 曾 → zeng, 单 → shan', async () => {
      const zeng = (await b.get('/api/members?q=zeng')).json.items;
      expect(zeng.map((m: { name: string }) => m.name)).toEqual(['曾国藩']);
      expect(zeng[0].namePinyin).toBe('zengguofan');
      expect(await search('zgf')).toEqual(['曾国藩']);
      expect(await search('ceng')).toEqual([]);
      expect(await search('shanxiongxin')).toEqual(['单雄信']);
      expect(await search('sxx')).toEqual(['单雄信']);
      expect(await search('dan')).toEqual([]);
    });

    it('filters by group, status, 岗位类别 and 职称, alone and together', async () => {
      const list = async (qs: string) => {
        const res = await b.get(`/api/members?${qs}`);
        expect(res.status).toBe(200);
        expect(res.json.total).toBe(res.json.items.length);
        return names(res);
      };
      expect(await list(`groupId=${groups['语文组']}`)).toEqual(['张三', '曾国藩']);
      expect(await list('status=retired')).toEqual(['张珊珊']);
      expect(await list('status=transferred')).toEqual(['单雄信']);
      expect(await list('staffCategory=staff')).toEqual(['李四']);
      expect(await list('title=junior')).toEqual(['曾国藩', '单雄信']);
      expect(await list('title=junior&status=active')).toEqual(['曾国藩']);
      expect(await list(`q=zs&groupId=${groups['数学组']}`)).toEqual(['张珊珊']);
      const bad = await b.get('/api/members?status=dead&sort=age');
      expect(bad.status).toBe(422);
      expect(bad.json.error.fields).toMatchObject({ status: '不是允许的选项', sort: '不是允许的选项' });
    });

    it('sorts by name (pinyin) and by -employeeNo, and pages with a total', async () => {
      expect(names(await b.get('/api/members?sort=name'))).toEqual(['李四', '单雄信', '王五', '曾国藩', '张三', '张珊珊']);
      expect((await b.get('/api/members?sort=-employeeNo')).json.items.map((m: { employeeNo: string }) => m.employeeNo)).toEqual(['B020', 'B011', 'B010', 'B003', 'B002', 'B001']);
      const page2 = await b.get('/api/members?sort=employeeNo&pageSize=2&page=2');
      expect(page2.json).toMatchObject({ total: 6 });
      expect(page2.json.items.map((m: { employeeNo: string }) => m.employeeNo)).toEqual(['B003', 'B010']);
      const beyond = await b.get('/api/members?pageSize=2&page=4');
      expect(beyond.json).toEqual({ items: [], total: 6 });
      expect((await b.get('/api/members?pageSize=500')).status).toBe(422);
    });
  });

  describe('audit', () => {
    it('records create, update and delete with who, before and after, readable at GET /api/audit and in the table', async () => {
      const me = (await admin.get('/api/auth/me')).json.user;
      const created = await admin.post('/api/members', { employeeNo: 'AU01', name: '审计甲', phone: '13600000001' });
      const id = created.json.id as string;
      await admin.patch(`/api/members/${id}`, { phone: '13600000002' });
      await admin.patch(`/api/members/${id}`, { phone: '13600000002' }); // no change: no audit row
      await admin.del(`/api/members/${id}`);

      const res = await admin.get(`/api/audit?entity=member&entityId=${id}`);
      expect(res.status).toBe(200);
      expect(res.json.total).toBe(3);
      const byAction = Object.fromEntries(res.json.items.map((e: { action: string }) => [e.action, e]));
      expect(Object.keys(byAction).sort()).toEqual(['create', 'delete', 'update']);
      expect(byAction.create).toMatchObject({ actorId: me.id, actorName: me.displayName, entity: 'member', entityId: id, before: null });
      expect(byAction.create.after).toMatchObject({ employee_no: 'AU01', name: '审计甲', phone: '13600000001', org_id: t.a.orgId });
      expect(byAction.update.before).toEqual({ phone: '13600000001' });
      expect(byAction.update.after).toEqual({ phone: '13600000002' });
      expect(byAction.delete.before).toMatchObject({ employee_no: 'AU01', name: '审计甲' });
      expect(Date.parse(byAction.delete.at)).toBeGreaterThan(Date.now() - 60_000);

      const rows = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('at').execute();
      expect(rows.map((r) => r.action).sort()).toEqual(['create', 'delete', 'update']);
      for (const r of rows) expect(r).toMatchObject({ org_id: t.a.orgId, actor_id: me.id, entity: 'member' });
      const update = rows.find((r) => r.action === 'update')!;
      expect(JSON.parse(update.before!)).toEqual({ phone: '13600000001' });
      expect(JSON.parse(update.after!)).toEqual({ phone: '13600000002' });

      // Another school never sees these rows.
      const b = await t.as('admin', t.b);
      expect((await b.get(`/api/audit?entityId=${id}`)).json.total).toBe(0);
    });

    it('offers no way to change or delete an audit row', async () => {
      const entry = (await admin.get('/api/audit?pageSize=1')).json.items[0];
      expect(entry).toBeDefined();
      const before = await t.database.db.selectFrom('audit_log').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
      const count = (await admin.get('/api/audit')).json.total;
      for (const [method, url] of [
        ['PATCH', `/api/audit/${entry.id}`],
        ['PUT', `/api/audit/${entry.id}`],
        ['DELETE', `/api/audit/${entry.id}`],
        ['DELETE', '/api/audit'],
        ['POST', '/api/audit'],
        ['PATCH', '/api/audit'],
      ] as const) {
        const res = await admin.request(method, url, { body: { action: 'forged', after: null } });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.json.error.code).toBe('not_found');
      }
      expect(t.app.routeTable.filter((r) => r.url.startsWith('/api/audit') && !['GET', 'HEAD'].includes(r.method))).toEqual([]);
      const after = await t.database.db.selectFrom('audit_log').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect((await admin.get('/api/audit')).json.total).toBe(count);
    });
  });
});
