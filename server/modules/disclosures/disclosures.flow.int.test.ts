import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_CATEGORIES } from '../../../common/disclosures';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { approved, draft, newIssue, setupDesk, shiftDate, today, type Desk } from './disclosures.fixture';

// An item's workflow — draft, submit, return with a comment, resubmit, approve, publish with its issue,
// archive — and every refusal: wrong role, own item, wrong state, an issue with an unapproved item.

describe.each(DIALECTS)('disclosure workflow on %s', (dialect) => {
  let t: TestApp;
  let d: Desk;
  beforeAll(async () => {
    t = await makeApp(dialect);
    d = await setupDesk(t);
  });
  afterAll(() => t.close());

  const get = async (id: string) => (await d.chair.get(`/api/disclosures/${id}`)).json;
  const row = (id: string) => t.database.db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const expectState = (res: { status: number; json: any }, label: string) => {
    expect(res.status, JSON.stringify(res.json)).toBe(409);
    expect(res.json.error.code).toBe('disclosure_state');
    expect(res.json.error.message).toContain(`“${label}”`);
  };

  it("starts a school with DOMAIN.md's categories", async () => {
    const res = await d.staff[2].get('/api/disclosure-categories');
    expect(res.json.items.map((c: { name: string }) => c.name)).toEqual(Object.values(DEFAULT_DISCLOSURE_CATEGORIES).map((c) => c.zh));
    expect(res.json.total).toBe(18);
    const b = await t.as('chair', t.b);
    expect((await b.get('/api/disclosure-categories')).json.items.map((c: { id: string }) => c.id)).not.toContain(d.categoryId);
  });

  it('drafts an item with sanitized content, and refuses what is invalid', async () => {
    const id = await draft(d, { content: '<h3>方案</h3><p onclick="alert(1)">正文<script>alert(2)</script><a href="javascript:alert(3)">链接</a></p><img src=x onerror=alert(4)>' });
    const item = await get(id);
    expect(item).toMatchObject({ state: 'draft', returned: false, audience: 'staff', categoryId: d.categoryId, authorName: expect.any(String) });
    expect(item.content).toBe('<h3>方案</h3><p>正文链接</p>');
    expect((await row(id)).content).toBe('<h3>方案</h3><p>正文链接</p>');
    expect(item.history.map((e: { action: string }) => e.action)).toEqual(['create']);

    const base = { categoryId: d.categoryId, title: '标题', content: '<p>内容</p>', audience: 'staff', visibleFrom: today() };
    const bad: [object, Record<string, string>][] = [
      [{ ...base, content: '<p> </p><script>x</script>' }, { content: '请填写公开内容' }],
      [{ ...base, visibleTo: shiftDate(today(), -1) }, { visibleTo: '公开截止日期不能早于开始日期' }],
      [{ ...base, audience: 'everyone' }, { audience: '不是允许的选项' }],
      [{ ...base, categoryId: 'no-such-category' }, { categoryId: '类别不存在或已停用' }],
      [{ ...base, issueId: 'no-such-issue' }, { issueId: '期次不存在' }],
      [{ ...base, title: '' }, { title: '此项必填' }],
    ];
    for (const [body, fields] of bad) {
      const res = await d.committee.post('/api/disclosures', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields).toEqual(fields);
    }
    d.committee.lang = 'en';
    expect((await d.committee.post('/api/disclosures', bad[0][0])).json.error.fields).toEqual({ content: 'Please write the content' });
    d.committee.lang = 'zh';
  });

  it('lets only the committee write, only the 监督小组 review', async () => {
    const body = { categoryId: d.categoryId, title: '越权起草', content: '<p>x</p>', audience: 'staff', visibleFrom: today() };
    for (const who of [d.supervisor, d.staff[0], await t.as('member'), await t.as('handler')]) expect((await who.post('/api/disclosures', body)).status).toBe(403);
    const id = await draft(d);
    for (const who of [d.supervisor, d.staff[0]]) expect((await who.post(`/api/disclosures/${id}/submit`)).status).toBe(403);
    expect((await d.committee.post(`/api/disclosures/${id}/submit`)).status).toBe(200);
    for (const who of [d.chair, d.committee, d.staff[0]]) {
      expect((await who.post(`/api/disclosures/${id}/approve`)).status).toBe(403);
      expect((await who.post(`/api/disclosures/${id}/return`, { comment: '越权' })).status).toBe(403);
    }
    expect((await row(id)).state).toBe('submitted');
    // A reader cannot even see a submitted item.
    expect((await d.staff[0].get(`/api/disclosures/${id}`)).status).toBe(404);
  });

  it('returns an item with a comment kept on its history; edited and resubmitted, it is approved', async () => {
    const id = await draft(d, { title: '职称评审推荐结果' });
    expect((await d.committee.post(`/api/disclosures/${id}/submit`)).json.state).toBe('submitted');
    expect((await d.supervisor.post(`/api/disclosures/${id}/return`, { comment: '' })).status).toBe(422);
    const returned = await d.supervisor.post(`/api/disclosures/${id}/return`, { comment: '附件缺少明细表' });
    expect(returned.status).toBe(200);
    expect(returned.json).toMatchObject({ state: 'draft', returned: true });
    expect((await d.committee.get('/api/disclosures?returned=1')).json.items.map((i: { id: string }) => i.id)).toContain(id);
    // The author hears of it, with the comment.
    const inbox = await d.committee.get('/api/notifications');
    expect(inbox.json.items[0]).toMatchObject({ kind: 'disclosure.returned', link: `/disclosures/${id}` });
    expect(inbox.json.items[0].body).toContain('附件缺少明细表');

    expect((await d.committee.patch(`/api/disclosures/${id}`, { content: '<p>推荐名单及明细表如下。</p>' })).status).toBe(200);
    expect((await d.committee.post(`/api/disclosures/${id}/submit`)).json).toMatchObject({ state: 'submitted', returned: false });
    const ok = await d.supervisor.post(`/api/disclosures/${id}/approve`);
    expect(ok.status).toBe(200);
    expect(ok.json.state).toBe('approved');
    const history = (await get(id)).history;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'update', 'submit', 'approve']);
    expect(history[2]).toMatchObject({ action: 'return', comment: '附件缺少明细表', userName: expect.any(String) });
    const audit = await d.chair.get(`/api/audit?entityId=${id}&pageSize=50`);
    expect(audit.json.items.map((a: { action: string }) => a.action).sort()).toEqual(['approve', 'create', 'return', 'submit', 'submit', 'update']);
  });

  it('refuses approval by whoever wrote or edited the item', async () => {
    const own = await draft(d, { title: '管理员自己起草' }, d.admin);
    expect((await d.admin.post(`/api/disclosures/${own}/submit`)).status).toBe(200);
    const res = await d.admin.post(`/api/disclosures/${own}/approve`);
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe('不能审核自己起草或修改过的条目');
    // Editing counts as writing too.
    const edited = await draft(d, { title: '委员起草、管理员修改' });
    expect((await d.admin.patch(`/api/disclosures/${edited}`, { title: '管理员修改过的标题' })).status).toBe(200);
    expect((await d.committee.post(`/api/disclosures/${edited}/submit`)).status).toBe(200);
    expect((await d.admin.post(`/api/disclosures/${edited}/approve`)).status).toBe(403);
    expect((await row(edited)).state).toBe('submitted');
    // Another reviewer may.
    expect((await d.supervisor.post(`/api/disclosures/${own}/approve`)).status).toBe(200);
  });

  it('refuses each step out of order, and edits after submission', async () => {
    const id = await draft(d);
    expectState(await d.supervisor.post(`/api/disclosures/${id}/approve`), '草稿');
    expectState(await d.committee.post(`/api/disclosures/${id}/archive`), '草稿');
    expect((await d.committee.post(`/api/disclosures/${id}/submit`)).status).toBe(200);
    expectState(await d.committee.post(`/api/disclosures/${id}/submit`), '待审核');
    expectState(await d.committee.patch(`/api/disclosures/${id}`, { title: '提交后修改' }), '待审核');
    expectState(await d.committee.del(`/api/disclosures/${id}`), '待审核');
    expect((await d.supervisor.post(`/api/disclosures/${id}/approve`)).status).toBe(200);
    expectState(await d.supervisor.post(`/api/disclosures/${id}/approve`), '已审核');
    expectState(await d.supervisor.post(`/api/disclosures/${id}/return`, { comment: '晚了' }), '已审核');
    expectState(await d.committee.patch(`/api/disclosures/${id}`, { title: '审核后修改' }), '已审核');
    // Taken back for changes, it must be reviewed again.
    expect((await d.committee.post(`/api/disclosures/${id}/withdraw`)).json.state).toBe('draft');
    expect((await d.committee.patch(`/api/disclosures/${id}`, { title: '撤回后修改' })).json.title).toBe('撤回后修改');
    expect((await d.committee.del(`/api/disclosures/${id}`)).status).toBe(204);
    expect((await d.chair.get(`/api/disclosures/${id}`)).status).toBe(404);
  });

  it('publishes an issue only when every item is approved, then all at once; published items stay as they are', async () => {
    const issue = await newIssue(d);
    const a = await approved(d, issue.id, { title: '第一项' });
    const b = await draft(d, { title: '第二项', issueId: issue.id });
    expect((await d.committee.post(`/api/disclosures/${b}/submit`)).status).toBe(200);
    const refused = await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'disclosure_issue_unapproved', message: `${issue.schoolYear}学年第${issue.number}期还有 1 项未经监督小组审核通过：《第二项》` });
    expect((await row(a)).state).toBe('approved');
    expect((await d.staff[2].get(`/api/disclosures/${a}`)).status).toBe(404);

    expect((await d.supervisor.post(`/api/disclosures/${b}/approve`)).status).toBe(200);
    expect((await d.supervisor.post(`/api/disclosure-issues/${issue.id}/publish`)).status).toBe(403);
    const ok = await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ number: issue.number, state: 'published', items: 2, publishedAt: expect.any(String) });
    const [ra, rb] = [await row(a), await row(b)];
    expect([ra.state, rb.state]).toEqual(['published', 'published']);
    expect(ra.published_at).toBe(rb.published_at);
    expect((await d.staff[2].get(`/api/disclosures/${a}`)).json).toMatchObject({ state: 'published', issueNumber: issue.number, live: true });
    // Staff are told once, with a link to the issue.
    const inbox = await d.staff[3].get('/api/notifications');
    expect(inbox.json.items.filter((n: { kind: string }) => n.kind === 'disclosure.published')).toHaveLength(1);
    expect(inbox.json.items[0]).toMatchObject({ title: `校务公开${issue.schoolYear}学年第${issue.number}期`, link: `/disclosures/issues/${issue.id}` });

    expectState(await d.committee.patch(`/api/disclosures/${a}`, { title: '公开后修改' }), '已公开');
    expectState(await d.committee.del(`/api/disclosures/${a}`), '已公开');
    expectState(await d.committee.post(`/api/disclosures/${a}/withdraw`), '已公开');
    expect((await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`)).json.error.code).toBe('disclosure_issue_published');
    // No item joins or leaves a published issue.
    const late = await d.committee.post('/api/disclosures', { categoryId: d.categoryId, title: '迟到的条目', content: '<p>x</p>', audience: 'staff', visibleFrom: today(), issueId: issue.id });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe(`${issue.schoolYear}学年第${issue.number}期已经公开，不能再加入、移出或修改条目`);
    const other = await draft(d);
    expect((await d.committee.patch(`/api/disclosures/${other}`, { issueId: issue.id })).status).toBe(409);

    expect((await d.committee.post(`/api/disclosures/${a}/archive`)).json.state).toBe('archived');
    expect((await d.staff[2].get(`/api/disclosures/${a}`)).status).toBe(404);
    expect((await d.chair.get(`/api/disclosures?state=archived`)).json.items.map((i: { id: string }) => i.id)).toContain(a);
  });

  it('refuses to publish an empty issue, and deletes only the latest empty one', async () => {
    const first = await newIssue(d);
    const second = await newIssue(d);
    expect(second.number).toBe(first.number + 1);
    expect((await d.chair.post(`/api/disclosure-issues/${second.id}/publish`)).json.error.code).toBe('disclosure_issue_empty');
    expect((await d.chair.del(`/api/disclosure-issues/${first.id}`)).json.error.code).toBe('disclosure_issue_not_last');
    expect((await d.chair.patch(`/api/disclosure-issues/${second.id}`, { title: '2025年秋季学期' })).json.title).toBe('2025年秋季学期');
    expect((await d.chair.del(`/api/disclosure-issues/${second.id}`)).status).toBe(204);
    expect((await d.chair.del(`/api/disclosure-issues/${first.id}`)).status).toBe(204);
    expect((await newIssue(d)).number).toBe(first.number);
  });

  it('numbers issues in order per school and 学年, even when many are opened at once', async () => {
    const before = (await d.chair.get('/api/disclosure-issues')).json.items[0]?.number ?? 0;
    // Last year's issues do not count: the numbers start afresh each 学年.
    const year = (await newIssue(d)).schoolYear;
    expect(year).toBe(Number(today().slice(0, 4)) - (Number(today().slice(5, 7)) < 9 ? 1 : 0));
    await t.database.db.insertInto('disclosure_issues').values({ id: 'last-year-issue', org_id: t.a.orgId, school_year: year - 1, number: 40, title: null, state: 'published', published_at: null, published_by: null, created_at: '2000-01-01T00:00:00Z', updated_at: '2000-01-01T00:00:00Z' }).execute();
    const made = await Promise.all(Array.from({ length: 10 }, () => d.committee.post('/api/disclosure-issues', {})));
    expect(made.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(made.map((r) => r.json.number).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => before + n));
    expect((await d.chair.get('/api/disclosure-issues')).json.items.map((i: { schoolYear: number; number: number }) => `${i.schoolYear}-${i.number}`)).toContain(`${year - 1}-40`);
    // Another school counts from 1.
    const b = await t.as('chair', t.b);
    expect((await b.post('/api/disclosure-issues', {})).json.number).toBe(1);
    expect((await d.staff[0].get('/api/disclosure-issues')).json.items.every((i: { state: string }) => i.state === 'published')).toBe(true);
  });

  it('lets a school add, rename, reorder and disable categories, and delete only unused ones', async () => {
    const made = await d.chair.post('/api/disclosure-categories', { name: '食堂管理' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: '食堂管理', code: null, position: 18, disabled: false, items: 0 });
    expect((await d.chair.post('/api/disclosure-categories', { name: '财务' })).json.error).toMatchObject({ code: 'disclosure_category_taken', fields: { name: '同名的类别已存在' } });
    expect((await d.chair.patch(`/api/disclosure-categories/${made.json.id}`, { name: '财务' })).status).toBe(409);
    expect((await d.chair.patch(`/api/disclosure-categories/${made.json.id}`, { name: '食堂与膳食', position: 0 })).json).toMatchObject({ name: '食堂与膳食', position: 0 });
    expect((await d.supervisor.post('/api/disclosure-categories', { name: '越权' })).status).toBe(403);

    const used = await draft(d, { categoryId: made.json.id });
    const inUse = await d.chair.del(`/api/disclosure-categories/${made.json.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.json.error.message).toBe('该类别下已有 1 项公开内容，不能删除（可以停用）');
    expect((await d.chair.patch(`/api/disclosure-categories/${made.json.id}`, { disabled: true })).json).toMatchObject({ disabled: true, items: 1 });
    // A disabled category keeps its items but takes no new ones.
    expect((await d.committee.post('/api/disclosures', { categoryId: made.json.id, title: '停用类别', content: '<p>x</p>', audience: 'staff', visibleFrom: today() })).status).toBe(422);
    expect((await d.chair.get(`/api/disclosures/${used}`)).json.categoryName).toBe('食堂与膳食');

    const spare = await d.chair.post('/api/disclosure-categories', { name: '临时类别' });
    expect((await d.chair.del(`/api/disclosure-categories/${spare.json.id}`)).status).toBe(204);
    const audit = await d.chair.get(`/api/audit?entity=disclosure_category&pageSize=50`);
    expect(audit.json.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create_defaults', 'create', 'update', 'delete']));
  });

  it("treats another school's items, issues, questions and categories as not there", async () => {
    const id = await draft(d);
    const issue = await newIssue(d);
    const b = await t.as('admin', t.b);
    for (const [method, url, body] of [
      ['GET', `/api/disclosures/${id}`],
      ['PATCH', `/api/disclosures/${id}`, { title: '改别人的' }],
      ['POST', `/api/disclosures/${id}/submit`],
      ['GET', `/api/disclosures/${id}/reads`],
      ['POST', `/api/disclosure-issues/${issue.id}/publish`],
      ['PATCH', `/api/disclosure-categories/${d.categoryId}`, { name: '改别人的' }],
    ] as const) {
      expect((await b.request(method, url, body ? { body } : {})).status, `${method} ${url}`).toBe(404);
    }
    // Nor may school B file an item under school A's category or issue.
    expect((await b.post('/api/disclosures', { categoryId: d.categoryId, title: '跨校', content: '<p>x</p>', audience: 'staff', visibleFrom: today() })).status).toBe(422);
    expect((await row(id)).title).not.toBe('改别人的');
  });
});
