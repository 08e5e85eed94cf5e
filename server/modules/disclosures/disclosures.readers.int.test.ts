import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { approved, draft, newIssue, published, setupDesk, shiftDate, today, type Desk } from './disclosures.fixture';

// Who sees what: an item is never visible before its issue is published, outside its period, or outside
// its audience — not in the feed, the item, the 公开栏, the questions, nor the public page. Read receipts,
// reminders, questions and answers, and the year's figures.

describe.each(DIALECTS)('disclosure readers on %s', (dialect) => {
  let t: TestApp;
  let d: Desk;
  let anon: Client;
  /** staff[0] is a delegate; staff[2] is not. */
  let delegate: Client;
  let teacher: Client;
  const ids = {} as Record<'staff' | 'delegates' | 'public' | 'expired' | 'future' | 'archived' | 'draft' | 'submitted' | 'approved' | 'returned' | 'noEnd', string>;
  let issue: { issueId: string; number: number };
  let orgId: string;

  beforeAll(async () => {
    t = await makeApp(dialect);
    d = await setupDesk(t, 'r');
    orgId = t.a.orgId;
    anon = t.client();
    [delegate, teacher] = [d.staff[0], d.staff[2]];
    const p = await published(d, [
      { title: '全体教职工：绩效工资分配方案', audience: 'staff' },
      { title: '代表：学校年度预算草案', audience: 'delegates' },
      { title: '社会：2025年招生计划', audience: 'public', content: '<h3>招生计划</h3><p>初一招收 8 个班。</p>' },
      { title: '已过期：去年的收费标准', audience: 'public', visibleFrom: shiftDate(today(), -60), visibleTo: shiftDate(today(), -1) },
      { title: '未开始：下学期课程安排', audience: 'public', visibleFrom: shiftDate(today(), 3) },
      { title: '将归档：旧的食堂招标结果', audience: 'public' },
      { title: '长期公开：学校章程', audience: 'public', visibleTo: null },
    ]);
    issue = p;
    [ids.staff, ids.delegates, ids.public, ids.expired, ids.future, ids.archived, ids.noEnd] = p.ids;
    expect((await d.committee.post(`/api/disclosures/${ids.archived}/archive`)).status).toBe(200);
    const pending = await newIssue(d);
    ids.draft = await draft(d, { title: '草稿：不应被看到', audience: 'public', issueId: pending.id });
    ids.submitted = await draft(d, { title: '待审：不应被看到', audience: 'public', issueId: pending.id });
    await d.committee.post(`/api/disclosures/${ids.submitted}/submit`);
    ids.approved = await approved(d, pending.id, { title: '已审未公开：不应被看到', audience: 'public' });
    ids.returned = await draft(d, { title: '退回：不应被看到', audience: 'public', issueId: pending.id });
    await d.committee.post(`/api/disclosures/${ids.returned}/submit`);
    await d.supervisor.post(`/api/disclosures/${ids.returned}/return`, { comment: '数据有误' });
  });
  afterAll(() => t.close());

  const feedIds = async (c: Client) => (await c.get('/api/disclosures/feed?pageSize=100')).json.items.map((i: { id: string }) => i.id);
  const hidden = ['expired', 'future', 'archived', 'draft', 'submitted', 'approved', 'returned'] as const;

  it('shows a reader the live items addressed to them, newest first, and nothing else', async () => {
    expect(new Set(await feedIds(teacher))).toEqual(new Set([ids.staff, ids.public, ids.noEnd]));
    expect(new Set(await feedIds(delegate))).toEqual(new Set([ids.staff, ids.delegates, ids.public, ids.noEnd]));
    for (const who of [teacher, delegate]) {
      for (const k of hidden) {
        expect((await who.get(`/api/disclosures/${ids[k]}`)).status, k).toBe(404);
        expect((await who.post(`/api/disclosures/${ids[k]}/read`)).status, k).toBe(404);
        expect((await who.post(`/api/disclosures/${ids[k]}/questions`, { body: '能看到吗？' })).status, k).toBe(404);
      }
    }
    // A delegates' item is not there for other staff, whatever the route.
    expect((await teacher.get(`/api/disclosures/${ids.delegates}`)).status).toBe(404);
    expect((await teacher.post(`/api/disclosures/${ids.delegates}/questions`, { body: '代表的内容？' })).status).toBe(404);
    expect((await delegate.get(`/api/disclosures/${ids.delegates}`)).json).toMatchObject({ audience: 'delegates', live: true });
    // A reader never sees the review history.
    expect((await teacher.get(`/api/disclosures/${ids.staff}`)).json.history).toBeUndefined();
    // The committee and the 监督小组 still find everything, expired and archived included.
    const all = (await d.supervisor.get('/api/disclosures?pageSize=100')).json.items.map((i: { id: string }) => i.id);
    for (const k of Object.keys(ids) as (keyof typeof ids)[]) expect(all, k).toContain(ids[k]);
    expect((await d.chair.get(`/api/disclosures/${ids.expired}`)).json).toMatchObject({ state: 'published', live: false });
  });

  it('shows the 公开栏 of an issue as each reader may see it; an unpublished issue not at all', async () => {
    const board = async (c: Client, id = issue.issueId) => c.get(`/api/disclosure-issues/${id}`);
    const titles = async (c: Client) => (await board(c)).json.items.map((i: { id: string }) => i.id);
    expect(new Set(await titles(teacher))).toEqual(new Set([ids.staff, ids.public, ids.noEnd]));
    expect(new Set(await titles(delegate))).toEqual(new Set([ids.staff, ids.delegates, ids.public, ids.noEnd]));
    expect((await titles(d.chair)).length).toBe(7);
    const pending = (await d.chair.get(`/api/disclosures/${ids.draft}`)).json.issueId;
    expect((await board(teacher, pending)).status).toBe(404);
    expect((await board(d.supervisor, pending)).json.items.length).toBe(4);
    expect((await teacher.get('/api/disclosure-issues')).json.items.map((i: { id: string }) => i.id)).toEqual([issue.issueId]);
    expect((await board(teacher)).json).toMatchObject({ orgName: '第一中学', issue: { number: issue.number, state: 'published' } });
  });

  it('serves the public page without sign-in: public, published, in-period items only', async () => {
    const res = await anon.get(`/api/public/${orgId}/disclosures`);
    expect(res.status).toBe(200);
    expect(res.json.orgName).toBe('第一中学');
    expect(new Set(res.json.items.map((i: { id: string }) => i.id))).toEqual(new Set([ids.public, ids.noEnd]));
    expect(res.json.items.find((i: { id: string }) => i.id === ids.public)).toMatchObject({ title: '社会：2025年招生计划', content: '<h3>招生计划</h3><p>初一招收 8 个班。</p>', issueNumber: issue.number });
    const text = JSON.stringify(res.json);
    for (const leak of ['全体教职工', '代表：', '已过期', '未开始', '将归档', '草稿', '待审', '已审未公开', '退回', 'author', 'history']) expect(text).not.toContain(leak);
    expect((await anon.get(`/api/public/${orgId}/disclosures/${ids.public}`)).json.title).toBe('社会：2025年招生计划');
    for (const k of ['staff', 'delegates', ...hidden] as const) {
      expect((await anon.get(`/api/public/${orgId}/disclosures/${ids[k]}`)).status, k).toBe(404);
      // Signed in changes nothing on the public page.
      expect((await delegate.get(`/api/public/${orgId}/disclosures/${ids[k]}`)).status, k).toBe(404);
    }
    // An item is public only under its own school; another id or a made-up one is not found.
    expect((await anon.get(`/api/public/${t.b.orgId}/disclosures/${ids.public}`)).status).toBe(404);
    expect((await anon.get(`/api/public/${t.b.orgId}/disclosures`)).json.items).toEqual([]);
    expect((await anon.get('/api/public/no-such-school/disclosures')).status).toBe(404);
    // Nothing else answers without a session.
    for (const url of ['/api/disclosures/feed', `/api/disclosures/${ids.public}`, '/api/disclosure-issues', '/api/disclosure-categories']) expect((await anon.get(url)).status).toBe(401);
  });

  it('records who read an item once, counts them against its audience, and reminds the rest', async () => {
    const unread = async (c: Client) => (await c.get('/api/disclosures/unread')).json.count;
    expect(await unread(teacher)).toBe(3);
    expect((await teacher.get('/api/disclosures/feed')).json.unread).toBe(3);
    expect((await teacher.post(`/api/disclosures/${ids.staff}/read`)).status).toBe(204);
    expect((await teacher.post(`/api/disclosures/${ids.staff}/read`)).status).toBe(204);
    expect(await unread(teacher)).toBe(2);
    const feed = (await teacher.get('/api/disclosures/feed')).json;
    expect(feed.items.find((i: { id: string }) => i.id === ids.staff).read).toBe(true);
    expect(feed.items.find((i: { id: string }) => i.id === ids.public)).toMatchObject({ read: false, excerpt: '招生计划 初一招收 8 个班。' });
    // One category's items; the unread count stays the whole feed's.
    const { categoryId } = (await teacher.get(`/api/disclosures/${ids.public}`)).json;
    const ofCategory = (await teacher.get(`/api/disclosures/feed?categoryId=${categoryId}`)).json;
    expect(ofCategory.items.map((i: { id: string }) => i.id)).toContain(ids.public);
    expect(ofCategory.items.every((i: { categoryCode: string | null }) => i.categoryCode === ofCategory.items[0].categoryCode)).toBe(true);
    expect([ofCategory.total, ofCategory.unread]).toEqual([ofCategory.items.length, 2]);
    expect((await teacher.get(`/api/disclosures/${ids.staff}`)).json.read).toBe(true);
    const receipts = await t.database.db.selectFrom('disclosure_reads').selectAll().where('disclosure_id', '=', ids.staff).execute();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ member_id: d.people[2].memberId, org_id: orgId });

    // Staff item: the four staff with accounts; delegates' item: the two delegates.
    const status = (await d.supervisor.get(`/api/disclosures/${ids.staff}/reads`)).json;
    expect(status).toMatchObject({ audience: 4, read: 1, unread: 3 });
    expect(status.readers).toEqual([{ name: d.people[2].name, department: null, readAt: receipts[0].read_at }]);
    expect(status.notRead.map((p: { name: string }) => p.name).sort()).toEqual([d.people[0].name, d.people[1].name, d.people[3].name].sort());
    expect((await d.chair.get(`/api/disclosures/${ids.delegates}/reads`)).json).toMatchObject({ audience: 2, read: 0 });
    expect((await teacher.get(`/api/disclosures/${ids.staff}/reads`)).status).toBe(403);

    const reminded = await d.committee.post(`/api/disclosures/${ids.staff}/remind`);
    expect(reminded.json).toEqual({ reminded: 3 });
    const kinds = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).json.items.map((n: { kind: string }) => n.kind);
    expect(await kinds(d.staff[3])).toContain('disclosure.remind');
    expect(await kinds(teacher)).not.toContain('disclosure.remind');
    expect((await d.supervisor.post(`/api/disclosures/${ids.staff}/remind`)).status).toBe(403);
    expect((await d.committee.post(`/api/disclosures/${ids.expired}/remind`)).json.error.code).toBe('disclosure_not_live');
    expect((await d.committee.post(`/api/disclosures/${ids.draft}/remind`)).json.error.code).toBe('disclosure_not_live');
  });

  it('lets staff ask; the committee answers privately or for every reader', async () => {
    const asked = await teacher.post(`/api/disclosures/${ids.public}/questions`, { body: '今年招生是否包含特长生？' });
    expect(asked.status).toBe(201);
    const question = asked.json.questions[0];
    expect(question).toMatchObject({ body: '今年招生是否包含特长生？', mine: true, answer: null, askerName: null });
    expect((await teacher.post(`/api/disclosures/${ids.public}/questions`, { body: '' })).status).toBe(422);
    // The committee sees who asked and hears of it.
    const seen = (await d.chair.get(`/api/disclosures/${ids.public}`)).json.questions[0];
    expect(seen.askerName).toBe(d.people[2].name);
    expect((await d.committee.get('/api/notifications')).json.items[0]).toMatchObject({ kind: 'disclosure.question', link: `/disclosures/${ids.public}` });
    // Nobody else sees an unanswered question.
    expect((await delegate.get(`/api/disclosures/${ids.public}`)).json.questions).toEqual([]);

    const answer = (body: object, who = d.committee) => who.post(`/api/disclosure-questions/${question.id}/answer`, body);
    expect((await answer({ body: '包含体育特长生 20 名。', public: false }, d.supervisor)).status).toBe(403);
    expect((await answer({ body: '包含体育特长生 20 名。', public: false }, teacher)).status).toBe(403);
    expect((await answer({ body: '', public: false })).status).toBe(422);
    expect((await answer({ body: '包含体育特长生 20 名。', public: false })).status).toBe(200);
    expect((await teacher.get(`/api/disclosures/${ids.public}`)).json.questions[0]).toMatchObject({ answer: '包含体育特长生 20 名。', answerPublic: false });
    expect((await teacher.get('/api/notifications')).json.items[0]).toMatchObject({ kind: 'disclosure.answered' });
    expect((await delegate.get(`/api/disclosures/${ids.public}`)).json.questions).toEqual([]);
    expect((await anon.get(`/api/public/${orgId}/disclosures/${ids.public}`)).json.questions).toEqual([]);

    // Made public: every reader sees question and answer, never the asker's name.
    expect((await answer({ body: '包含体育特长生 20 名，详见招生简章。', public: true })).status).toBe(200);
    const shown = (await delegate.get(`/api/disclosures/${ids.public}`)).json.questions;
    expect(shown).toEqual([expect.objectContaining({ body: '今年招生是否包含特长生？', answer: '包含体育特长生 20 名，详见招生简章。', askerName: null, mine: false })]);
    const outside = await anon.get(`/api/public/${orgId}/disclosures/${ids.public}`);
    expect(outside.json.questions).toEqual([{ body: '今年招生是否包含特长生？', answer: '包含体育特长生 20 名，详见招生简章。', answeredAt: expect.any(String) }]);
    expect(JSON.stringify(outside.json)).not.toContain(d.people[2].name);
    const audit = await d.chair.get(`/api/audit?entityId=${question.id}`);
    expect(audit.json.items.map((a: { action: string }) => a.action)).toEqual(['update_answer', 'answer', 'ask']);
    // Another school's committee cannot answer it.
    expect((await (await t.as('committee', t.b)).post(`/api/disclosure-questions/${question.id}/answer`, { body: 'x', public: true })).status).toBe(404);
  });

  it("counts the year's figures: items, by category, issues, questions and answers", async () => {
    const stats = await d.chair.get('/api/disclosures/stats');
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ items: 7, issues: 1, questions: 1, answered: 1, attachments: 0 });
    expect(stats.json.byCategory).toEqual([{ categoryId: d.categoryId, categoryCode: 'major_decisions', categoryName: '重大决策与改革', items: 7, attachments: 0 }]);
    expect((await d.chair.get(`/api/disclosures/stats?schoolYear=${stats.json.schoolYear - 1}`)).json).toMatchObject({ items: 0, issues: 0, questions: 0, byCategory: [] });
    expect((await teacher.get('/api/disclosures/stats')).status).toBe(403);
    expect((await d.chair.get('/api/disclosures/stats?schoolYear=abc')).status).toBe(422);
  });
});
