import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Client, type TestApp } from '../../test/harness';
import { draftBody, castApp, shiftDate, submitted, today, type Cast } from './proposals.fixture';

// What the detail tells each caller: the actions open to them now (so the web never guesses), the
// proposal's history with the names of the time, how many co-signers are still missing, and a
// 代表团's name on its collective proposal.

describe.each(DIALECTS)('proposal detail on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => ({ t, c } = await castApp(dialect)));
  afterAll(() => t.close());

  const actions = async (who: Client, id: string) => (await who.get(`/api/proposals/${id}`)).json.actions as string[];

  it('lists what each caller may do, stage by stage', async () => {
    const id = (await c.proposer.post('/api/proposals', draftBody(c, '动作清单'))).json.id;
    await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2] });
    expect(await actions(c.proposer, id)).toEqual(['edit', 'delete', 'invite']);
    expect(await actions(c.c1, id)).toEqual(['cosign']);
    expect(await actions(c.chair, id)).toEqual(['note']);
    await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true });
    await c.c2.post(`/api/proposals/${id}/cosign`, { accept: true });
    expect(await actions(c.proposer, id)).toEqual(['edit', 'delete', 'invite', 'submit']);
    // Submitting needs an open window: the action goes when the window closes.
    await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: shiftDate(today(), -5), closesOn: shiftDate(today(), -1) } });
    expect(await actions(c.proposer, id)).toEqual(['edit', 'delete', 'invite']);
    await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: shiftDate(today(), -5), closesOn: shiftDate(today(), 5) } });

    await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
    expect(await actions(c.proposer, id)).toEqual(['withdraw']);
    expect(await actions(c.committee, id)).toEqual(['decide', 'note']);
    await c.chair.post(`/api/proposals/${id}/decision`, { decision: 'accepted' });
    expect(await actions(c.chair, id)).toEqual(['decide', 'publish', 'note']);
    await c.chair.post('/api/proposals/decisions/publish', { ids: [id] });
    expect(await actions(c.chair, id)).toEqual(['note', 'assign']);

    await c.chair.post(`/api/proposals/${id}/assign`, { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 7), assists: [{ department: '教务处', handlerUserId: c.u.handler2 }] });
    expect(await actions(c.handler, id)).toEqual(['reply', 'message']);
    expect(await actions(c.handler2, id)).toEqual(['message']);
    expect(await actions(c.proposer, id)).toEqual(['message']);
    expect(await actions(c.c1, id)).toEqual([]);
    expect(await actions(c.chair, id)).toEqual(['note', 'assign', 'message']);
    await c.handler.post(`/api/proposals/${id}/reply`, { class: 'A', content: '已办' });
    expect(await actions(c.proposer, id)).toEqual(['rate', 'message']);
    expect(await actions(c.handler, id)).toEqual(['message']);
    await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'satisfied' });
    expect(await actions(c.proposer, id)).toEqual([]);
  });

  it('tells the proposer of a draft how many co-signers are still missing, and nobody else', async () => {
    const id = (await c.proposer.post('/api/proposals', draftBody(c, '还差几位'))).json.id;
    expect((await c.proposer.get(`/api/proposals/${id}`)).json.coSignersNeeded).toEqual({ required: 2, missing: 2 });
    await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2, c.m.c3] });
    await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true });
    await c.c2.post(`/api/proposals/${id}/cosign`, { accept: false });
    expect((await c.proposer.get(`/api/proposals/${id}`)).json.coSignersNeeded).toEqual({ required: 2, missing: 1 });
    expect((await c.c1.get(`/api/proposals/${id}`)).json).not.toHaveProperty('coSignersNeeded');
    await c.admin.patch('/api/org', { settings: { proposalCoSigners: 3 } });
    try {
      expect((await c.proposer.get(`/api/proposals/${id}`)).json.coSignersNeeded).toEqual({ required: 3, missing: 2 });
    } finally {
      await c.admin.patch('/api/org', { settings: { proposalCoSigners: 2 } });
    }
  });

  it('keeps the history: co-signed, submitted, decided, assigned to whom, replied, rated, reopened', async () => {
    const id = await submitted(c, '办理进程');
    await c.chair.post(`/api/proposals/${id}/decision`, { decision: 'accepted', publish: true });
    const assignment = { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 7), assists: [{ department: '教务处', handlerUserId: c.u.handler2 }] };
    await c.chair.post(`/api/proposals/${id}/assign`, assignment);
    // The same assignment sent twice (a double click) is recorded once.
    expect((await c.chair.post(`/api/proposals/${id}/assign`, assignment)).status).toBe(200);
    await c.handler.post(`/api/proposals/${id}/reply`, { class: 'C', content: '暂无经费', explanation: '预算已用完' });
    await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'unsatisfied' });
    await c.handler.post(`/api/proposals/${id}/reply`, { class: 'B', content: '明年安排', plannedDate: shiftDate(today(), 200) });
    await c.proposer.post(`/api/proposals/${id}/rating`, { rating: 'basically_satisfied' });

    const seen = (await c.c1.get(`/api/proposals/${id}`)).json;
    const handlerName = (await c.committee.get('/api/proposals/handlers')).json.items.find((u: { id: string }) => u.id === c.u.handler);
    expect(seen.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'invited', 'cosigned', 'cosigned', 'submitted', 'decided', 'assigned', 'replied', 'rated', 'reopened', 'replied', 'rated']);
    const at = (kind: string, n = 0) => seen.timeline.filter((e: { kind: string }) => e.kind === kind)[n];
    expect(at('invited')).toMatchObject({ actorName: '李提案', names: ['王附议', '赵附议'] });
    expect(at('cosigned')).toMatchObject({ actorName: '王附议' });
    expect(at('decided')).toMatchObject({ decision: 'accepted' });
    expect(at('assigned')).toMatchObject({
      department: '总务处',
      handlerName: handlerName.memberName ?? handlerName.username,
      assists: [{ department: '教务处', handlerName: 'p-handler2' }],
      deadline: shiftDate(today(), 7),
    });
    expect(at('replied', 1)).toMatchObject({ round: 2, replyClass: 'B' });
    expect(at('rated')).toMatchObject({ round: 1, rating: 'unsatisfied' });
    expect(at('rated', 1)).toMatchObject({ round: 2, rating: 'basically_satisfied' });
    // Drafted decisions are the committee's: never in anyone's history.
    const other = await submitted(c, '草拟不入历史');
    await c.chair.post(`/api/proposals/${other}/decision`, { decision: 'rejected', reason: '草拟理由' });
    expect((await c.chair.get(`/api/proposals/${other}`)).json.timeline.map((e: { kind: string }) => e.kind)).not.toContain('decided');
  });

  it("shows a collective proposal under its 代表团's name, and deletes a draft with its history", async () => {
    const draft = (await c.head.post('/api/proposals', { ...draftBody(c, '代表团名义'), delegationId: c.delegationId })).json;
    expect(draft).toMatchObject({ delegationId: c.delegationId, delegationName: '语文代表团', proposerName: '孙团长' });
    expect((await c.head.get('/api/proposals')).json.items.find((p: { id: string }) => p.id === draft.id).delegationName).toBe('语文代表团');
    expect((await c.head.del(`/api/proposals/${draft.id}`)).status).toBe(204);
  });
});
