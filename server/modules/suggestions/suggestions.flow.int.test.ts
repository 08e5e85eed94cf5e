import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';
import { PNG } from '../files/files.fixture';
import { setupCast, submitted } from '../proposals/proposals.fixture';
import { idByTitle, send, setupBox, type Box } from './suggestions.fixture';

// A named suggestion from writing to closing: who receives it, replies, the writer writing back, the
// status steps, the 回音壁 with and without consent, the link to a proposal; every refusal on the way.

describe.each(DIALECTS)('suggestion workflow on %s', (dialect) => {
  let t: TestApp;
  let b: Box;
  beforeAll(async () => {
    t = await makeApp(dialect);
    b = await setupBox(t);
  });
  afterAll(() => t.close());

  const get = (c: Client, id: string) => c.get(`/api/suggestions/${id}`);
  const inboxTitles = async (c: Client, query = '') => ((await c.get(`/api/suggestions${query}`)).json.items as { title: string }[]).map((s) => s.title);
  const unread = async (c: Client) => ((await c.get('/api/notifications')).json.items as { kind: string; body: string }[]);

  it('refuses a suggestion with no addressee, an unknown department or a missing choice, and stores nothing', async () => {
    const bad = [
      [{ to: 'headmaster', title: '收件人不对', content: '内容', anonymous: false }, { to: '请选择收件人：校长、工会或本校的一个部门' }],
      [{ to: '', title: '没有收件人', content: '内容', anonymous: false }, { to: '此项必填' }],
      [{ to: 'union', title: '没', content: '内容', anonymous: false }, { title: '此项必填' }],
      [{ to: 'union', title: '没有选择是否匿名', content: '内容' }, { anonymous: '此项必填' }],
      [{ to: 'union', title: '类别不对', content: '内容', anonymous: false, category: 'gossip' }, { category: '不是允许的选项' }],
    ] as const;
    for (const [body, fields] of bad) {
      const res = await b.writer.post('/api/suggestions', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields).toMatchObject(fields);
    }
    // Another school's department is as unknown as a made-up one.
    const other = await (await t.as('admin', t.b)).post('/api/departments', { name: '二小总务处' });
    expect((await b.writer.post('/api/suggestions', { to: other.json.id, title: '别校的部门', content: '内容', anonymous: false })).json.error.fields).toEqual({ to: '请选择收件人：校长、工会或本校的一个部门' });
    const count = await t.database.db.selectFrom('suggestions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    expect((await b.writer.post('/api/suggestions', { to: 'union', title: '英文', content: '内容', anonymous: false, category: 'x' }, { 'accept-language': 'en' })).json.error.fields).toEqual({ category: 'Not an allowed option' });
  });

  it('delivers each suggestion to its own mailbox only: the union, the principal, a department', async () => {
    const union = await send(b.writer, 'union', '工会组织一次教职工体检', { category: 'welfare' });
    const principal = await send(b.writer, 'principal', '校长：教师办公室太拥挤', { category: 'management' });
    const general = await send(b.writer, b.dept.general, '总务处：食堂晚餐时间太早', { category: 'logistics' });

    expect(await inboxTitles(b.chair)).toEqual(['工会组织一次教职工体检']);
    expect(await inboxTitles(b.committee)).toEqual(['工会组织一次教职工体检']);
    expect(await inboxTitles(b.principal)).toEqual(['校长：教师办公室太拥挤']);
    expect(await inboxTitles(b.handler)).toEqual(['总务处：食堂晚餐时间太早']);
    expect(await inboxTitles(b.handler2)).toEqual([]);
    // Holding the permission is not enough: mail to someone else is as if it did not exist.
    for (const [who, id] of [[b.chair, principal], [b.principal, union], [b.handler2, general], [b.handler, union], [b.admin, union], [b.writer2, union]] as const) {
      expect((await get(who, id)).status).toBe(404);
      expect((await who.post(`/api/suggestions/${id}/replies`, { body: '不是写给我的' })).status).toBe(who === b.writer2 ? 403 : 404);
    }
    // The inbox filters by addressee, status, category and text.
    expect(await inboxTitles(b.chair, '?to=principal')).toEqual([]);
    expect(await inboxTitles(b.handler, `?to=${b.dept.general}&status=pending&category=logistics&q=${encodeURIComponent('晚餐')}`)).toEqual(['总务处：食堂晚餐时间太早']);
    expect(await inboxTitles(b.handler, '?status=answered')).toEqual([]);
    // Members have no inbox at all.
    expect((await b.writer.get('/api/suggestions')).status).toBe(403);

    const seen = await get(b.handler, general);
    expect(seen.json).toMatchObject({ title: '总务处：食堂晚餐时间太早', status: 'pending', anonymous: false, writerName: '林来信', to: { kind: 'department', departmentId: b.dept.general, name: '总务处' }, canHandle: true, mine: false });
    expect(seen.json.receivedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    // The addressees were told at once (named mail).
    expect((await unread(b.handler)).some((n) => n.kind === 'suggestion.new' && n.body.includes('食堂晚餐'))).toBe(true);
    expect((await unread(b.principal)).some((n) => n.kind === 'suggestion.new')).toBe(true);
    expect((await unread(b.handler2)).some((n) => n.kind === 'suggestion.new')).toBe(false);
  });

  it('takes replies (several), tells the named writer, and lets the writer write back', async () => {
    const id = await send(b.writer, b.dept.general, '开水房周末不开');
    expect((await b.handler.post(`/api/suggestions/${id}/status`, { status: 'in_progress' })).json.status).toBe('in_progress');
    const r1 = await b.handler.post(`/api/suggestions/${id}/replies`, { body: '已联系物业，下周起周末开放。' });
    expect(r1.status).toBe(200);
    expect(r1.json).toMatchObject({ status: 'answered', replies: 1 });
    expect(r1.json.messages[0]).toMatchObject({ by: 'handler', body: '已联系物业，下周起周末开放。', authorName: 'a-handler' });
    expect((await unread(b.writer)).some((n) => n.kind === 'suggestion.replied' && n.body.includes('开水房'))).toBe(true);

    // Only the writer writes back; that puts it back in hand and tells the handler.
    expect((await b.writer2.post(`/api/suggestions/${id}/messages`, { body: '我也想说' })).status).toBe(404);
    expect((await b.handler.post(`/api/suggestions/${id}/messages`, { body: '我不是来信人' })).status).toBe(403);
    const back = await b.writer.post(`/api/suggestions/${id}/messages`, { body: '周日晚上也需要。' });
    expect(back.json).toMatchObject({ status: 'in_progress', mine: true, canHandle: false });
    expect((await unread(b.handler)).some((n) => n.kind === 'suggestion.message' && n.body.includes('周日晚上'))).toBe(true);
    const r2 = await b.handler.post(`/api/suggestions/${id}/replies`, { body: '周日晚上同样开放。' });
    expect(r2.json.messages.map((m: { by: string }) => m.by)).toEqual(['handler', 'writer', 'handler']);
    expect(r2.json.replies).toBe(2);

    // The writer follows it under 我的意见.
    const mine = await b.writer.get('/api/suggestions/mine');
    expect(mine.json.items.find((s: { id: string }) => s.id === id)).toMatchObject({ status: 'answered', replies: 2 });
    expect((await b.writer2.get('/api/suggestions/mine')).json.items.some((s: { id: string }) => s.id === id)).toBe(false);

    // Closed: no more replies or messages; reopening puts it back in hand.
    expect((await b.handler.post(`/api/suggestions/${id}/status`, { status: 'closed' })).json.status).toBe('closed');
    const late = await b.handler.post(`/api/suggestions/${id}/replies`, { body: '再补一句' });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe('这条意见当前为“已关闭”，不能执行此操作');
    expect((await b.writer.post(`/api/suggestions/${id}/messages`, { body: '再说一句' })).status).toBe(409);
    expect((await b.handler.post(`/api/suggestions/${id}/status`, { status: 'closed' })).status).toBe(409);
    expect((await b.handler.post(`/api/suggestions/${id}/status`, { status: 'in_progress' })).json.status).toBe('in_progress');
    expect((await b.handler.post(`/api/suggestions/${id}/status`, { status: 'pending' })).status).toBe(422);
    expect((await b.handler.post(`/api/suggestions/${id}/replies`, { body: '  ' })).status).toBe(422);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['submit', 'take_up', 'reply', 'writer_message', 'reply', 'close', 'take_up']);
    expect(audit[0].actor_id).toBe(b.u.writer);
  });

  it('puts a named question on the 回音壁 only with the writer’s consent, never with a name', async () => {
    const id = await send(b.writer, 'union', '希望每月组织一次羽毛球活动', { category: 'union' });
    const wall = (body: object) => b.chair.post(`/api/suggestions/${id}/wall`, body);
    const publish = { published: true, question: '能否每月组织一次羽毛球活动？', answer: '工会已预订体育馆，每月第二个周五下午活动。' };
    expect((await wall(publish)).json.error.code).toBe('suggestion_unanswered');
    await b.chair.post(`/api/suggestions/${id}/replies`, { body: '好的，已安排。' });
    const refused = await wall(publish);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe('来信人未同意公开，不能登上回音壁');
    expect((await wall({ published: true, question: '只有问题' })).json.error.fields).toEqual({ answer: '此项必填' });
    // Only the writer consents.
    expect((await b.chair.post(`/api/suggestions/${id}/wall-consent`, { consent: true })).status).toBe(403);
    expect((await b.writer.post(`/api/suggestions/${id}/wall-consent`, { consent: true })).json.wallConsent).toBe(true);
    expect((await wall(publish)).json.wall).toMatchObject({ question: publish.question, answer: publish.answer });

    const posts = await b.writer2.get('/api/suggestions/wall');
    expect(posts.status).toBe(200);
    expect(posts.json.items).toEqual([{ id, category: 'union', to: { kind: 'union', departmentId: null, name: '' }, question: publish.question, answer: publish.answer, publishedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }]);
    expect(JSON.stringify(posts.json)).not.toMatch(/林来信|s-writer/);
    // Withdrawing consent takes it down.
    await b.writer.post(`/api/suggestions/${id}/wall-consent`, { consent: false });
    expect((await b.writer2.get('/api/suggestions/wall')).json.items).toEqual([]);
    // Another school sees none of it.
    expect((await (await t.as('member', t.b)).get('/api/suggestions/wall')).json.total).toBe(0);
  });

  it('links a proposal of the school, and refuses one that does not exist', async () => {
    const id = await send(b.writer, 'union', '建议把意见写成提案');
    const db = t.database.db;
    const proposalId = await submitted(await setupCast(t), '关于完善意见箱的提案');
    expect((await b.chair.post(`/api/suggestions/${id}/proposal`, { proposalId: 'nope' })).json.error.fields).toEqual({ proposalId: '提案不存在' });
    const linked = await b.chair.post(`/api/suggestions/${id}/proposal`, { proposalId });
    expect(linked.json.proposal).toEqual({ id: proposalId, title: '关于完善意见箱的提案' });
    expect((await get(b.writer, id)).json.proposal).toEqual({ id: proposalId, title: '关于完善意见箱的提案' });
    expect((await b.chair.post(`/api/suggestions/${id}/proposal`, { proposalId: null })).json.proposal).toBeNull();
    expect((await db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute()).map((a) => a.action)).toContain('link_proposal');
  });

  it('takes attachments from a named writer while it waits, shows them to its addressee, and none on anonymous mail', async () => {
    const upload = async (c: Client, id: string) => c.request('POST', `/api/files?ownerKind=suggestion&ownerId=${id}`, await multipart(PNG, { filename: '漏水照片.png', type: 'image/png' }));
    const list = (c: Client, id: string) => c.get(`/api/files?ownerKind=suggestion&ownerId=${id}`);
    const id = await send(b.writer, b.dept.general, '办公室天花板漏水');
    expect((await upload(b.writer, id)).status).toBe(201);
    expect((await list(b.handler, id)).json.items.map((f: { name: string }) => f.name)).toEqual(['漏水照片.png']);
    expect((await list(b.writer2, id)).status).toBe(404);
    expect((await list(b.chair, id)).status).toBe(404);
    expect((await upload(b.handler, id)).status).toBe(403);
    await b.handler.post(`/api/suggestions/${id}/replies`, { body: '已报修。' });
    expect((await upload(b.writer, id)).status).toBe(403);
    // Anonymous mail takes none: nobody may add a file to it.
    await send(b.writer, b.dept.general, '匿名不带附件', { anonymous: true });
    const anonymous = await idByTitle(b.handler, '匿名不带附件');
    expect((await upload(b.handler, anonymous)).status).toBe(403);
    expect((await upload(b.writer, anonymous)).status).toBe(404);
    expect((await list(b.handler, anonymous)).json.items).toEqual([]);
  });

  it('counts the school year: received, answered, average days, by category and by addressee', async () => {
    const before = (await b.chair.get('/api/suggestions/figures')).json;
    const id = await send(b.writer, b.dept.academic, '教研活动时间冲突', { category: 'teaching' });
    await b.handler2.post(`/api/suggestions/${id}/replies`, { body: '已调整。' });
    // Received four days before its answer.
    const answeredOn = (await t.database.db.selectFrom('suggestions').select('answered_on').where('id', '=', id).executeTakeFirstOrThrow()).answered_on!;
    const received = new Date(Date.parse(`${answeredOn}T00:00:00Z`) - 4 * 86_400_000).toISOString().slice(0, 10);
    await t.database.db.updateTable('suggestions').set({ received_on: received }).where('id', '=', id).execute();
    const year = Number(received.slice(0, 4)) - (Number(received.slice(5, 7)) < 9 ? 1 : 0);
    const after = (await b.principal.get(`/api/suggestions/figures?schoolYear=${year}`)).json;
    expect(after.schoolYear).toBe(year);
    expect(after.from).toBe(`${year}-09-01`);
    const teaching = after.byCategory.find((c: { category: string }) => c.category === 'teaching');
    expect(teaching).toEqual({ category: 'teaching', received: 1, answered: 1, avgDaysToAnswer: 4 });
    const academic = after.byAddressee.find((a: { to: { departmentId: string } }) => a.to.departmentId === b.dept.academic);
    expect(academic).toMatchObject({ to: { kind: 'department', name: '教务处' }, received: 1, answered: 1, avgDaysToAnswer: 4 });
    if (before.schoolYear === year) expect(after.total.received).toBe(before.total.received + 1);
    expect((await b.chair.get('/api/suggestions/figures?schoolYear=1999')).status).toBe(422);
    expect((await b.handler.get('/api/suggestions/figures')).status).toBe(403);
  });

  it('marks mail unanswered for more than 15 days as overdue', async () => {
    const id = await send(b.writer, b.dept.general, '走廊灯坏了很久');
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await t.database.db.updateTable('suggestions').set({ received_on: old }).where('id', '=', id).execute();
    const overdue = await b.handler.get('/api/suggestions?overdue=1');
    expect(overdue.json.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(overdue.json.items[0].overdue).toBe(true);
    await b.handler.post(`/api/suggestions/${id}/replies`, { body: '已修好。' });
    expect((await b.handler.get('/api/suggestions?overdue=1')).json.items).toEqual([]);
    expect(await idByTitle(b.handler, '走廊灯')).toBe(id);
  });
});
