import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { congressWith, markPresent, seedPeople, type Person } from '../../test/congress';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';

describe.each(DIALECTS)('congress terms, sessions and quorum on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let people: Person[];
  let ids: { termId: string; sessionId: string };

  beforeAll(async () => {
    t = await makeApp(dialect);
    admin = await t.as('chair');
    // 45 delegates, 26 teachers (57.8%: below the 60% rule) — the journey's congress.
    people = await seedPeople(t, 'q', 46, 26);
    ids = await congressWith(admin, people.slice(0, 45));
  });
  afterAll(() => t.close());

  it('shows the composition and warns when teachers are below 60% or the term is not 3 or 5 years', async () => {
    const term = (await admin.get(`/api/congress/terms/${ids.termId}`)).json;
    expect(term.composition).toMatchObject({ total: 45, teachers: 26, teacherShareMin: 0.6 });
    expect(term.composition.teacherShare).toBeCloseTo(26 / 45);
    expect(term.warnings).toEqual(['teacher_share']);
    const odd = await admin.post('/api/congress/terms', { name: '第六届', startDate: '2027-09-01', endDate: '2031-08-31' });
    expect(odd.json.warnings).toContain('term_length');
    const bad = await admin.post('/api/congress/terms', { name: '第七届', startDate: '2027-09-01', endDate: '2026-08-31' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.endDate).toBe('届期结束日期应晚于开始日期');
  });

  it('groups delegates into 代表团 with a head, and refuses a delegate twice', async () => {
    const t2 = (await admin.post('/api/congress/terms', { name: '试验届', startDate: '2024-09-01', endDate: '2029-08-31' })).json;
    expect(t2.warnings).toEqual([]);
    const added = await admin.post(`/api/congress/terms/${t2.id}/delegates`, { memberId: people[0].memberId, delegation: '语文代表团', isLeader: true });
    expect(added.status).toBe(201);
    expect(added.json.delegations).toHaveLength(1);
    expect(added.json.composition).toMatchObject({ total: 1, leaders: 1, leaderShare: 1 });
    const again = await admin.post(`/api/congress/terms/${t2.id}/delegates`, { memberId: people[0].memberId });
    expect(again.status).toBe(409);
    const head = await admin.patch(`/api/congress/terms/${t2.id}/delegations/${added.json.delegations[0].id}`, { headMemberId: people[0].memberId });
    expect(head.json.delegations[0]).toMatchObject({ headName: people[0].name });
    expect((await admin.del(`/api/congress/terms/${t2.id}/delegates/${people[0].memberId}`)).status).toBe(204);
    expect((await admin.get(`/api/congress/terms/${t2.id}`)).json.delegates).toEqual([]);
  });

  it('counts quorum live: ⌈2/3 × 45⌉ = 30; 29 present is not met, 30 is', async () => {
    const url = `/api/congress/sessions/${ids.sessionId}/quorum`;
    expect((await admin.get(url)).json).toEqual({ delegates: 45, present: 0, required: 30, met: false, leave: 0, expected: 45 });
    await markPresent(admin, ids.sessionId, people.slice(0, 29));
    expect((await admin.get(url)).json).toMatchObject({ present: 29, required: 30, met: false });
    const vote = await admin.post(`/api/congress/sessions/${ids.sessionId}/votes`, { title: '财务报告', kind: 'resolution', secret: false });
    const refused = await admin.post(`/api/congress/votes/${vote.json.id}/open`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe('未达到法定人数：代表 45 人，实到 29 人，至少需 30 人，不能开始表决');
    const one = await admin.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: people[29].memberId, present: true });
    expect(one.json).toMatchObject({ present: 30, required: 30, met: true });
    // Marking absent again takes them out of the count.
    await admin.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: people[29].memberId, present: false });
    expect((await admin.get(url)).json.present).toBe(29);
  });

  it('lets a delegate check in by the QR code, and refuses a wrong code and a guest', async () => {
    const { code } = (await admin.get(`/api/congress/sessions/${ids.sessionId}/checkin-code`)).json;
    const delegate = t.client();
    await delegate.login(people[40].username);
    expect((await delegate.post(`/api/congress/sessions/${ids.sessionId}/checkin`, { code: 'wrong-code-123' })).status).toBe(422);
    const ok = await delegate.post(`/api/congress/sessions/${ids.sessionId}/checkin`, { code });
    expect(ok.status).toBe(200);
    // The right code for a session on another day is refused: the clerk records attendance then.
    const other = await admin.post('/api/congress/sessions', { termId: ids.termId, name: '第五届第三次会议', date: '2027-03-01' });
    const otherCode = (await admin.get(`/api/congress/sessions/${other.json.id}/checkin-code`)).json.code;
    const early = await delegate.post(`/api/congress/sessions/${other.json.id}/checkin`, { code: otherCode });
    expect(early.status).toBe(422);
    expect(early.json.error.message).toBe('扫码签到只在会议当天（2027-03-01）开放，其他时间请联系会务人员登记');
    expect((await delegate.get(`/api/congress/sessions/${ids.sessionId}/mine`)).json).toMatchObject({ isDelegate: true, attendance: 'present' });
    // people[45] is not a delegate: a guest (列席) never counts.
    await admin.post(`/api/congress/sessions/${ids.sessionId}/guests`, { name: people[45].name, memberId: people[45].memberId, note: '列席' });
    const guest = t.client();
    await guest.login(people[45].username);
    const refused = await guest.post(`/api/congress/sessions/${ids.sessionId}/checkin`, { code });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('not_delegate');
    expect((await admin.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: people[45].memberId, present: true })).status).toBe(422);
    const list = (await admin.get(`/api/congress/sessions/${ids.sessionId}/attendance`)).json;
    expect(list).toHaveLength(45);
    expect(list.find((a: { memberId: string }) => a.memberId === people[40].memberId)).toMatchObject({ status: 'present', method: 'qr' });
  });

  it('notifies the chair once when one third of delegates have signed an extra-session request', async () => {
    const url = `/api/congress/terms/${ids.termId}/requests`;
    const signer = async (p: Person) => {
      const c = t.client();
      await c.login(p.username);
      return c;
    };
    const first = await (await signer(people[0])).post(url, { reason: '讨论新校区搬迁方案' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ signers: 1, needed: 15, chairNotified: false, signedByMe: true });
    for (const p of people.slice(1, 14)) expect((await (await signer(p)).post(`/api/congress/requests/${first.json.id}/sign`)).status).toBe(200);
    const chairInbox = async () => (await admin.get('/api/notifications')).json.items.filter((n: { kind: string }) => n.kind === 'congress_extra_session');
    expect(await chairInbox()).toHaveLength(0);
    const fifteenth = await (await signer(people[14])).post(`/api/congress/requests/${first.json.id}/sign`);
    expect(fifteenth.json).toMatchObject({ signers: 15, chairNotified: true });
    expect(await chairInbox()).toHaveLength(1);
    await (await signer(people[15])).post(`/api/congress/requests/${first.json.id}/sign`);
    expect(await chairInbox()).toHaveLength(1);
    const twice = await (await signer(people[15])).post(`/api/congress/requests/${first.json.id}/sign`);
    expect(twice.status).toBe(409);
    // people[45] is not a delegate of the term.
    expect((await (await signer(people[45])).post(`/api/congress/requests/${first.json.id}/sign`)).status).toBe(403);
  });

  it('keeps the agenda in order and refuses members who may not manage', async () => {
    const items = [
      { title: '学校工作报告', kind: 'work_report' },
      { title: '财务工作报告', kind: 'finance_report' },
      { title: '上届提案办理情况报告', kind: 'proposal_report' },
    ];
    const res = await admin.request('PUT', `/api/congress/sessions/${ids.sessionId}/agenda`, { body: { items } });
    expect(res.json.agenda.map((a: { title: string }) => a.title)).toEqual(items.map((i) => i.title));
    const member = await t.as('member');
    expect((await member.post('/api/congress/terms', { name: 'x', startDate: '2024-09-01', endDate: '2027-08-31' })).status).toBe(403);
    expect((await member.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: people[1].memberId, present: true })).status).toBe(403);
    expect((await member.get(`/api/congress/sessions/${ids.sessionId}`)).status).toBe(200);
  });
});
