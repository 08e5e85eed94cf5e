import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestApp } from '../../test/harness';
import { draftBody, castApp, shiftDate, submitted, today, type Cast } from './proposals.fixture';

// Writing a proposal: who may, the collection window, 附议 co-signers and the school's minimum, one
// subject per proposal, and what only the proposer may do with a draft.

describe.each(DIALECTS)('proposal drafts on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => ({ t, c } = await castApp(dialect)));
  afterAll(() => t.close());

  async function draft(title = '建议增设教师休息室') {
    const res = await c.proposer.post('/api/proposals', draftBody(c, title));
    expect(res.status).toBe(201);
    return res.json.id as string;
  }

  it('a delegate drafts a proposal; it starts as a draft with the proposer named', async () => {
    const res = await c.proposer.post('/api/proposals', draftBody(c));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ state: 'draft', title: '建议延长食堂晚餐供应时间', category: 'logistics', proposerMemberId: c.m.proposer, proposerName: '李提案', sessionName: '第五届第二次会议', coSigners: [] });
    expect(res.json.notes).toBeUndefined();
  });

  it('refuses a member who is not a delegate, an account without a member, and an unknown session', async () => {
    const outsider = await c.outsider.post('/api/proposals', draftBody(c));
    expect(outsider.status).toBe(403);
    expect(outsider.json.error.message).toBe('只有本届教代会代表才能提出提案');
    const noMember = await c.chair.post('/api/proposals', draftBody(c));
    expect(noMember.status).toBe(403);
    expect(noMember.json.error.message).toBe('您的账号未关联会员，不能提出提案');
    const unknown = await c.proposer.post('/api/proposals', { ...draftBody(c), sessionId: 'nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toEqual({ sessionId: '会议不存在' });
  });

  it('lets only the 代表团 head write a collective proposal', async () => {
    const byHead = await c.head.post('/api/proposals', { ...draftBody(c, '代表团提案'), delegationId: c.delegationId });
    expect(byHead.status).toBe(201);
    expect(byHead.json.delegationId).toBe(c.delegationId);
    const byOther = await c.proposer.post('/api/proposals', { ...draftBody(c), delegationId: c.delegationId });
    expect(byOther.status).toBe(403);
    expect(byOther.json.error.message).toBe('只有该代表团团长才能以代表团名义提出提案');
  });

  it('validates the form: title, reasons, measures, category', async () => {
    const res = await c.proposer.post('/api/proposals', { sessionId: c.sessionId, title: '', reasons: '', category: 'food' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['category', 'measures', 'reasons', 'title']);
  });

  it('refuses drafting and submitting outside the collection window', async () => {
    const id = await draft();
    await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: shiftDate(today(), -20), closesOn: shiftDate(today(), -1) } });
    try {
      const res = await c.proposer.post('/api/proposals', draftBody(c));
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('proposal_window_closed');
      expect(res.json.error.message).toContain(shiftDate(today(), -1));
      expect((await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true })).json.error.code).toBe('proposal_window_closed');
      expect((await c.proposer.get('/api/proposal-windows')).json.items[0]).toMatchObject({ sessionId: c.sessionId, open: false });
    } finally {
      await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: shiftDate(today(), -5), closesOn: shiftDate(today(), 5) } });
    }
    const reversed = await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: today(), closesOn: shiftDate(today(), -1) } });
    expect(reversed.status).toBe(422);
  });

  it('cannot be submitted with too few co-signers, and can with enough (default 2)', async () => {
    const id = await draft();
    const none = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
    expect(none.status).toBe(422);
    expect(none.json.error.fields).toEqual({ coSigners: '至少需要 2 名代表附议，目前已附议 0 名' });

    const invited = await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2, c.m.c3] });
    expect(invited.json.coSigners.map((x: { status: string }) => x.status)).toEqual(['invited', 'invited', 'invited']);
    expect((await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true })).json.coSigners[0].status).toBe('accepted');
    expect((await c.c2.post(`/api/proposals/${id}/cosign`, { accept: false })).status).toBe(200);
    const one = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
    expect(one.status).toBe(422);
    expect(one.json.error.fields.coSigners).toBe('至少需要 2 名代表附议，目前已附议 1 名');

    expect((await c.c3.post(`/api/proposals/${id}/cosign`, { accept: true })).status).toBe(200);
    const ok = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ state: 'submitted', singleSubject: true });
    expect(ok.json.submittedAt).toEqual(expect.any(String));
  });

  it('follows the school setting: with proposalCoSigners = 3, two are not enough', async () => {
    expect((await c.admin.patch('/api/org', { settings: { proposalCoSigners: 3 } })).status).toBe(200);
    try {
      const id = await draft();
      await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2, c.m.c3] });
      await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true });
      await c.c2.post(`/api/proposals/${id}/cosign`, { accept: true });
      const two = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
      expect(two.status).toBe(422);
      expect(two.json.error.fields.coSigners).toBe('至少需要 3 名代表附议，目前已附议 2 名');
      await c.c3.post(`/api/proposals/${id}/cosign`, { accept: true });
      expect((await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true })).status).toBe(200);
    } finally {
      await c.admin.patch('/api/org', { settings: { proposalCoSigners: 2 } });
    }
  });

  it('requires the one-subject confirmation on submit', async () => {
    const id = await draft();
    for (const body of [{}, { singleSubject: false }]) {
      const res = await c.proposer.post(`/api/proposals/${id}/submit`, body);
      expect(res.status).toBe(422);
      expect(res.json.error.fields).toEqual({ singleSubject: '请确认本提案为一事一案' });
    }
  });

  it('accepts only delegates other than the proposer as co-signers, and only invitees may answer', async () => {
    const id = await draft();
    const self = await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.proposer] });
    expect(self.json.error.fields).toEqual({ memberIds: '提案人不能附议自己的提案' });
    const outsider = await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.outsider] });
    expect(outsider.status).toBe(422);
    expect(outsider.json.error.fields).toEqual({ memberIds: '附议人须为本届教代会代表' });
    expect((await c.proposer.get(`/api/proposals/${id}`)).json.coSigners).toEqual([]);
    // Not invited: the draft is not even visible to them.
    expect((await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true })).status).toBe(404);
    await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1] });
    expect((await c.c1.get(`/api/proposals/${id}`)).status).toBe(200);
    // The committee sees the draft but cannot co-sign for anyone.
    const chair = await c.chair.post(`/api/proposals/${id}/cosign`, { accept: true });
    expect(chair.status).toBe(403);
    expect(chair.json.error.message).toBe('您未被邀请附议此提案');
  });

  it('lets only the proposer edit, delete or submit a draft, and only while it is a draft', async () => {
    const id = await draft('待修改的提案');
    await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1] });
    const byCosigner = await c.c1.patch(`/api/proposals/${id}`, { title: '被附议人改掉' });
    expect(byCosigner.status).toBe(403);
    expect(byCosigner.json.error.message).toBe('只有提案人才能执行此操作');
    expect((await c.chair.patch(`/api/proposals/${id}`, { title: '被主席改掉' })).status).toBe(403);
    expect((await c.c1.del(`/api/proposals/${id}`)).status).toBe(403);
    expect((await c.c1.post(`/api/proposals/${id}/submit`, { singleSubject: true })).status).toBe(403);
    const edited = await c.proposer.patch(`/api/proposals/${id}`, { title: '建议增设教师休息室（修改）' });
    expect(edited.json.title).toBe('建议增设教师休息室（修改）');

    const sent = await submitted(c, '已提交不可改');
    const late = await c.proposer.patch(`/api/proposals/${sent}`, { title: '提交后再改' });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ code: 'proposal_state', message: '提案当前状态为“已提交”，不能执行此操作' });
    expect((await c.proposer.del(`/api/proposals/${sent}`)).status).toBe(409);
    expect((await c.proposer.post(`/api/proposals/${sent}/cosigners`, { memberIds: [c.m.c3] })).status).toBe(409);
    expect((await c.c1.post(`/api/proposals/${sent}/cosign`, { accept: false })).status).toBe(409);
    expect((await c.proposer.post(`/api/proposals/${sent}/submit`, { singleSubject: true })).status).toBe(409);

    expect((await c.proposer.del(`/api/proposals/${id}`)).status).toBe(204);
    expect((await c.proposer.get(`/api/proposals/${id}`)).status).toBe(404);
  });

  it('lets the proposer withdraw a submitted proposal to revise it, keeping its number, until the committee decides', async () => {
    const id = await submitted(c, '撤回再提交');
    const code = (await c.proposer.get(`/api/proposals/${id}`)).json.code;
    expect((await c.proposer.get(`/api/proposals/${id}`)).json.actions).toContain('withdraw');
    for (const who of [c.c1, c.chair]) expect((await who.post(`/api/proposals/${id}/withdraw`)).status).toBe(403);

    const back = await c.proposer.post(`/api/proposals/${id}/withdraw`);
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ state: 'draft', code });
    // The text may change now: co-signers are asked again, so it cannot go straight back in.
    expect(back.json.coSigners.map((s: { status: string }) => s.status)).toEqual(['invited', 'invited']);
    expect(back.json.timeline.map((e: { kind: string }) => e.kind)).toContain('withdrawn');
    expect((await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true })).status).toBe(422);
    expect((await c.proposer.patch(`/api/proposals/${id}`, { title: '撤回再提交（修改后）' })).status).toBe(200);
    for (const who of [c.c1, c.c2]) expect((await who.post(`/api/proposals/${id}/cosign`, { accept: true })).status).toBe(200);
    const again = await c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true });
    expect(again.json).toMatchObject({ state: 'submitted', code });

    expect((await c.chair.post(`/api/proposals/${id}/decision`, { decision: 'accepted', publish: true })).status).toBe(200);
    const late = await c.proposer.post(`/api/proposals/${id}/withdraw`);
    expect(late.status).toBe(409);
    expect((await c.proposer.post(`/api/proposals/${await draft('草稿不能撤回')}/withdraw`)).status).toBe(409);
  });

  it('records an audit row for each write', async () => {
    const id = await submitted(c, '审计提案');
    const audit = await c.admin.get(`/api/audit?entityId=${id}&pageSize=50`);
    expect(audit.json.items.map((a: { action: string }) => a.action).reverse()).toEqual(['create', 'invite_cosigners', 'cosign', 'cosign', 'submit']);
  });
});
