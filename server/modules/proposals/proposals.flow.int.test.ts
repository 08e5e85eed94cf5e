import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Client, type TestApp } from '../../test/harness';
import { assigned, castApp, shiftDate, submitted, today, type Cast } from './proposals.fixture';

// The committee's decisions (single, batch, drafted then published), 交办, 答复, 评价 with the single
// reopen, messages, private notes: every transition and every refused one.

describe.each(DIALECTS)('proposal workflow on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => ({ t, c } = await castApp(dialect)));
  afterAll(() => t.close());

  const decide = (who: Client, id: string, body: object) => who.post(`/api/proposals/${id}/decision`, body);
  const state = async (id: string) => (await c.chair.get(`/api/proposals/${id}`)).json.state;
  const expectRefused = (res: { status: number; json: any }, stateLabel: string) => {
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('proposal_state');
    expect(res.json.error.message).toContain(`“${stateLabel}”`);
  };

  it('refuses committee decisions on a draft, and decisions by anyone outside the committee', async () => {
    const draft = (await c.proposer.post('/api/proposals', { sessionId: c.sessionId, title: '草稿提案', reasons: '理由', measures: '建议', category: 'other' })).json.id;
    expectRefused(await decide(c.chair, draft, { decision: 'accepted', publish: true }), '草稿');
    const id = await submitted(c, '成员不能决定');
    for (const who of [c.proposer, c.handler, c.c1]) expect((await decide(who, id, { decision: 'accepted', publish: true })).status).toBe(403);
    expect(await state(id)).toBe('submitted');
  });

  it('立案 (accepted), then refuses a second decision', async () => {
    const id = await submitted(c, '立案提案');
    const res = await decide(c.committee, id, { decision: 'accepted', publish: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'accepted', decision: 'accepted' });
    expectRefused(await decide(c.chair, id, { decision: 'rejected', reason: '改主意', publish: true }), '已立案');
  });

  it('不予立案 needs a reason, which the proposer then sees', async () => {
    const id = await submitted(c, '不予立案提案');
    const bare = await decide(c.chair, id, { decision: 'rejected', publish: true });
    expect(bare.status).toBe(422);
    expect(bare.json.error.fields).toEqual({ reason: '不予立案须说明理由' });
    expect((await decide(c.chair, id, { decision: 'rejected', reason: '   ', publish: true })).status).toBe(422);
    expect(await state(id)).toBe('submitted');
    expect((await decide(c.chair, id, { decision: 'rejected', reason: '属于个人诉求，请通过权益诉求渠道反映', publish: true })).status).toBe(200);
    const seen = await c.proposer.get(`/api/proposals/${id}`);
    expect(seen.json).toMatchObject({ state: 'rejected', decision: 'rejected', decisionReason: '属于个人诉求，请通过权益诉求渠道反映' });
    for (const action of ['assign', 'reply']) {
      const who = action === 'reply' ? c.handler : c.chair;
      expect((await who.post(`/api/proposals/${id}/${action}`, { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 5), class: 'A', content: 'x' })).status).toBe(action === 'reply' ? 404 : 409);
    }
  });

  it('转为意见建议 (converted) is final', async () => {
    const id = await submitted(c, '转建议提案');
    expect((await decide(c.chair, id, { decision: 'converted', reason: '作为意见建议转校长办公室', publish: true })).json.state).toBe('converted');
    expectRefused(await c.chair.post(`/api/proposals/${id}/assign`, { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 5) }), '转为意见建议');
  });

  it('并案 links both proposals, and refuses merging into itself or a proposal that is not alive', async () => {
    const target = await submitted(c, '并案主提案');
    const other = await submitted(c, '并案从提案');
    expect((await decide(c.chair, other, { decision: 'merged', publish: true })).json.error.fields).toEqual({ mergeIntoId: '此项必填' });
    expect((await decide(c.chair, other, { decision: 'merged', mergeIntoId: other, publish: true })).status).toBe(422);
    const rejected = await submitted(c, '已否决提案');
    await decide(c.chair, rejected, { decision: 'rejected', reason: '不属于提案范围', publish: true });
    const dead = await decide(c.chair, other, { decision: 'merged', mergeIntoId: rejected, publish: true });
    expect(dead.json.error.fields).toEqual({ mergeIntoId: '并入的提案须为本校另一件已提交或已立案的提案' });

    const merged = await decide(c.chair, other, { decision: 'merged', mergeIntoId: target, reason: '内容相同', publish: true });
    expect(merged.json).toMatchObject({ state: 'merged', mergedInto: { id: target, title: '并案主提案' } });
    expect((await c.chair.get(`/api/proposals/${target}`)).json.mergedFrom).toEqual([{ id: other, title: '并案从提案' }]);
  });

  it('drafts decisions in a batch, hides them from the proposer, and publishes them together', async () => {
    const ids = [await submitted(c, '批量一'), await submitted(c, '批量二'), await submitted(c, '批量三')];
    const refused = await c.chair.post('/api/proposals/decisions', { ids: [...ids, 'nope'], decision: 'accepted' });
    expect(refused.status).toBe(404);
    const drafted = await c.chair.post('/api/proposals/decisions', { ids: ids.slice(0, 2), decision: 'accepted' });
    expect(drafted.json).toEqual({ decided: 2, published: false });
    await decide(c.chair, ids[2], { decision: 'rejected', reason: '已在上一届办理' });

    const chairView = await c.chair.get(`/api/proposals/${ids[2]}`);
    expect(chairView.json).toMatchObject({ state: 'submitted', draftDecision: { decision: 'rejected', reason: '已在上一届办理', mergeIntoId: null } });
    const proposerView = await c.proposer.get(`/api/proposals/${ids[2]}`);
    expect(proposerView.json.state).toBe('submitted');
    expect(JSON.stringify(proposerView.json)).not.toContain('已在上一届办理');
    expect(proposerView.json).not.toHaveProperty('draftDecision');

    expect((await c.chair.post('/api/proposals/decisions/publish', { ids: [ids[0], await submitted(c, '未草拟')] })).status).toBe(409);
    expect(await state(ids[0])).toBe('submitted');
    const published = await c.chair.post('/api/proposals/decisions/publish', { ids });
    expect(published.json).toEqual({ published: 3 });
    expect([await state(ids[0]), await state(ids[1]), await state(ids[2])]).toEqual(['accepted', 'accepted', 'rejected']);
    expect((await c.proposer.get(`/api/proposals/${ids[2]}`)).json.decisionReason).toBe('已在上一届办理');
    // Batch publish at once: also all-or-nothing when one of them cannot be decided.
    const batch = await c.chair.post('/api/proposals/decisions', { ids: [ids[0], await submitted(c, '批量四')], decision: 'accepted', publish: true });
    expect(batch.status).toBe(409);
    expect(batch.json.error.message).toBe('提案《批量一》当前状态为“已立案”，不能执行此操作');
  });

  it('keeps committee notes private to the committee', async () => {
    const id = await assigned(c, '备注提案');
    expect((await c.proposer.post(`/api/proposals/${id}/notes`, { body: '试图写备注' })).status).toBe(403);
    const noted = await c.committee.post(`/api/proposals/${id}/notes`, { body: '总务处去年已承诺，需跟进' });
    expect(noted.json.notes.map((n: { body: string }) => n.body)).toEqual(['总务处去年已承诺，需跟进']);
    for (const who of [c.proposer, c.c1, c.handler, c.handler2]) {
      const res = await who.get(`/api/proposals/${id}`);
      expect(res.status).toBe(200);
      expect(res.json).not.toHaveProperty('notes');
      expect(JSON.stringify(res.json)).not.toContain('需跟进');
    }
  });

  it('交办: only accepted proposals, to handler accounts, with a deadline not in the past', async () => {
    const id = await submitted(c, '交办提案');
    const body = { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 10) };
    expectRefused(await c.chair.post(`/api/proposals/${id}/assign`, body), '已提交');
    await decide(c.chair, id, { decision: 'accepted', publish: true });
    expect((await c.chair.post(`/api/proposals/${id}/assign`, { ...body, handlerUserId: c.u.outsider })).json.error.fields).toEqual({ handlerUserId: '承办人须为本校有承办权限的有效账号' });
    expect((await c.chair.post(`/api/proposals/${id}/assign`, { ...body, deadline: shiftDate(today(), -1) })).json.error.fields).toEqual({ deadline: '办理期限不能早于今天' });
    expect((await c.handler.post(`/api/proposals/${id}/assign`, body)).status).toBe(403);
    const res = await c.chair.post(`/api/proposals/${id}/assign`, { ...body, assists: [{ department: '教务处', handlerUserId: c.u.handler2 }] });
    expect(res.json).toMatchObject({ state: 'assigned', department: '总务处', handlerUserId: c.u.handler, deadline: body.deadline, assists: [{ department: '教务处', handlerUserId: c.u.handler2 }] });
  });

  it('答复: only the 主办 handler, with the class rules (B needs a date, C an explanation)', async () => {
    const id = await assigned(c, '答复提案');
    expect((await c.chair.post(`/api/proposals/${id}/reply`, { class: 'A', content: '主席代答' })).status).toBe(403);
    const assist = await c.handler2.post(`/api/proposals/${id}/reply`, { class: 'A', content: '协办代答' });
    expect(assist.status).toBe(403);
    expect(assist.json.error.message).toBe('只有主办部门的承办人才能答复');
    expect((await c.handler.post(`/api/proposals/${id}/reply`, { class: 'B', content: '列入计划' })).json.error.fields).toEqual({ plannedDate: 'B 类答复须填写计划解决日期' });
    expect((await c.handler.post(`/api/proposals/${id}/reply`, { class: 'C', content: '暂不能' })).json.error.fields).toEqual({ explanation: 'C 类答复须说明暂不能解决的原因' });
    const res = await c.handler.post(`/api/proposals/${id}/reply`, { class: 'B', content: '已列入下学期计划', plannedDate: '2026-03-01' });
    expect(res.json).toMatchObject({ state: 'replied', replies: [{ round: 1, class: 'B', content: '已列入下学期计划', plannedDate: '2026-03-01' }] });
    expectRefused(await c.handler.post(`/api/proposals/${id}/reply`, { class: 'A', content: '再答一次' }), '已答复');
    expectRefused(await c.chair.post(`/api/proposals/${id}/assign`, { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 3) }), '已答复');
  });

  it('评价: only the proposer rates; 满意 closes it', async () => {
    const id = await assigned(c, '满意提案');
    expectRefused(await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'satisfied' }), '已交办');
    await c.handler.post(`/api/proposals/${id}/reply`, { class: 'A', content: '已安排食堂延时' });
    expect((await c.c1.post(`/api/proposals/${id}/rating`, { rating: 'satisfied' })).status).toBe(403);
    expect((await c.chair.post(`/api/proposals/${id}/rating`, { rating: 'satisfied' })).status).toBe(403);
    const res = await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'basically_satisfied', comment: '希望长期坚持' });
    expect(res.json).toMatchObject({ state: 'closed', rating: 'basically_satisfied', replies: [{ rating: 'basically_satisfied', ratingComment: '希望长期坚持' }] });
    expectRefused(await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'unsatisfied' }), '已办结');
    expectRefused(await c.proposer.post(`/api/proposals/${id}/messages`, { body: '办结后留言' }), '已办结');
  });

  it('不满意 reopens once for a second reply; a second 不满意 closes it', async () => {
    const id = await assigned(c, '不满意提案');
    await c.handler.post(`/api/proposals/${id}/reply`, { class: 'C', content: '经费不足', explanation: '本年度预算已用完' });
    const first = await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'unsatisfied', comment: '理由不充分' });
    expect(first.json).toMatchObject({ state: 'assigned', reopened: true, rating: null });
    const second = await c.handler.post(`/api/proposals/${id}/reply`, { class: 'B', content: '下年度预算中安排', plannedDate: '2026-09-01' });
    expect(second.json.replies.map((r: { round: number; rating: string | null }) => [r.round, r.rating])).toEqual([[1, 'unsatisfied'], [2, null]]);
    const last = await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'unsatisfied' });
    expect(last.json).toMatchObject({ state: 'closed', rating: 'unsatisfied', reopened: true });
  });

  it('messages between proposer and handlers, while the proposal is in hand', async () => {
    const early = await submitted(c, '尚未交办的留言');
    expectRefused(await c.proposer.post(`/api/proposals/${early}/messages`, { body: '太早' }), '已提交');
    const id = await assigned(c, '留言提案');
    expect((await c.proposer.post(`/api/proposals/${id}/messages`, { body: '请问进展如何？' })).status).toBe(200);
    expect((await c.handler2.post(`/api/proposals/${id}/messages`, { body: '教务处正在配合' })).status).toBe(200);
    expect((await c.c1.post(`/api/proposals/${id}/messages`, { body: '附议人留言' })).status).toBe(403);
    const seen = await c.handler.get(`/api/proposals/${id}`);
    expect(seen.json.messages.map((m: { body: string }) => m.body)).toEqual(['请问进展如何？', '教务处正在配合']);
  });
});
