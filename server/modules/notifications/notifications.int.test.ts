import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { setupCast, shiftDate, submitted, today, type Cast } from '../proposals/proposals.fixture';

// The notification centre, driven by a proposal's life: each change reaches the people concerned and
// nobody else; each person reads and clears only their own inbox.

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  let everyone: Record<string, Client>;
  beforeAll(async () => {
    t = await makeApp(dialect);
    c = await setupCast(t);
    everyone = { proposer: c.proposer, c1: c.c1, c2: c.c2, c3: c.c3, head: c.head, outsider: c.outsider, chair: c.chair, committee: c.committee, handler: c.handler, handler2: c.handler2, admin: c.admin };
    for (const who of Object.values(everyone)) await who.post('/api/notifications/read-all');
  });
  afterAll(() => t.close());

  /** Who got an unread notification of `kind` since the last call; clears everyone's inbox. */
  async function receivers(kind: string): Promise<string[]> {
    const out: string[] = [];
    for (const [name, who] of Object.entries(everyone)) {
      const res = await who.get('/api/notifications?unread=1&pageSize=100');
      expect(res.status).toBe(200);
      if (res.json.items.some((n: { kind: string }) => n.kind === kind)) out.push(name);
      await who.post('/api/notifications/read-all');
    }
    return out.sort();
  }

  it('tells each change to the people concerned, and only them', async () => {
    const draft = (await c.proposer.post('/api/proposals', { sessionId: c.sessionId, title: '通知提案', reasons: '理由', measures: '建议', category: 'campus' })).json.id;
    await c.proposer.post(`/api/proposals/${draft}/cosigners`, { memberIds: [c.m.c1, c.m.c2] });
    expect(await receivers('proposal.cosign_invited')).toEqual(['c1', 'c2']);
    await c.c1.post(`/api/proposals/${draft}/cosign`, { accept: true });
    await c.c2.post(`/api/proposals/${draft}/cosign`, { accept: true });
    expect(await receivers('proposal.cosign_accepted')).toEqual(['proposer']);
    await c.proposer.post(`/api/proposals/${draft}/submit`, { singleSubject: true });
    expect(await receivers('proposal.submitted')).toEqual(['c1', 'c2', 'chair', 'committee']);
    await c.chair.post(`/api/proposals/${draft}/decision`, { decision: 'accepted' });
    expect(await receivers('proposal.accepted')).toEqual([]); // a drafted decision tells nobody
    await c.chair.post('/api/proposals/decisions/publish', {});
    expect(await receivers('proposal.accepted')).toEqual(['c1', 'c2', 'proposer']);
    await c.chair.post(`/api/proposals/${draft}/assign`, { department: '总务处', handlerUserId: c.u.handler, deadline: shiftDate(today(), 9), assists: [{ department: '教务处', handlerUserId: c.u.handler2 }] });
    expect(await receivers('proposal.assigned')).toEqual(['c1', 'c2', 'handler', 'handler2', 'proposer']);
    await c.proposer.post(`/api/proposals/${draft}/messages`, { body: '请尽快' });
    expect(await receivers('proposal.message')).toEqual(['handler', 'handler2']);
    await c.handler.post(`/api/proposals/${draft}/reply`, { class: 'A', content: '已解决' });
    expect(await receivers('proposal.replied')).toEqual(['c1', 'c2', 'chair', 'committee', 'handler2', 'proposer']);
    await c.proposer.post(`/api/proposals/${draft}/rating`, { rating: 'unsatisfied' });
    expect(await receivers('proposal.reopened')).toEqual(['chair', 'committee', 'handler', 'handler2']);
  });

  it('tells the proposer of a merge target that another proposal joined theirs', async () => {
    const target = await submitted(c, '并案目标');
    const other = await submitted(c, '被并案');
    await receivers('proposal.submitted');
    await c.chair.post(`/api/proposals/${other}/decision`, { decision: 'merged', mergeIntoId: target, publish: true });
    const inbox = await c.proposer.get('/api/notifications?unread=1');
    expect(inbox.json.items.map((n: { kind: string; link: string }) => [n.kind, n.link]).sort()).toEqual([
      ['proposal.merged', `/proposals/${other}`],
      ['proposal.merged_into', `/proposals/${target}`],
    ]);
  });

  it('lists only the caller’s own, counts unread, and marks one or all read', async () => {
    await c.proposer.post('/api/notifications/read-all');
    await submitted(c, '计数提案');
    const inbox = await c.chair.get('/api/notifications?unread=1');
    expect(inbox.json).toMatchObject({ total: 1, unread: 1 });
    const [n] = inbox.json.items;
    expect(n).toMatchObject({ kind: 'proposal.submitted', title: '新提案已提交', readAt: null, link: expect.stringMatching(/^\/proposals\//) });
    expect(n.body).toContain('计数提案');

    // Someone else's notification, or another school's reader, is simply not found.
    expect((await c.committee.post(`/api/notifications/${n.id}/read`)).status).toBe(404);
    const b = await t.as('chair', t.b);
    expect((await b.post(`/api/notifications/${n.id}/read`)).status).toBe(404);
    expect((await b.get('/api/notifications')).json).toEqual({ items: [], total: 0, unread: 0 });
    expect((await c.chair.get('/api/notifications?unread=1')).json.unread).toBe(1);
    // The bell's own count agrees, and is the caller's alone.
    expect((await c.chair.get('/api/notifications/unread')).json).toEqual({ unread: 1 });
    expect((await b.get('/api/notifications/unread')).json).toEqual({ unread: 0 });

    expect((await c.chair.post(`/api/notifications/${n.id}/read`)).status).toBe(204);
    expect((await c.chair.get('/api/notifications/unread')).json).toEqual({ unread: 0 });
    const after = await c.chair.get('/api/notifications');
    expect(after.json.unread).toBe(0);
    expect(after.json.items.find((x: { id: string }) => x.id === n.id).readAt).toEqual(expect.any(String));
    expect((await c.chair.get('/api/notifications?unread=1')).json.total).toBe(0);

    await submitted(c, '再来一件');
    expect((await c.committee.get('/api/notifications')).json.unread).toBeGreaterThanOrEqual(1);
    expect((await c.committee.post('/api/notifications/read-all')).json.updated).toBeGreaterThanOrEqual(1);
    expect((await c.committee.get('/api/notifications')).json.unread).toBe(0);
    expect((await t.client().get('/api/notifications')).status).toBe(401);
  });
});
