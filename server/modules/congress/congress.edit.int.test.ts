import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../files/files.fixture';
import { assigned, draftBody, setupCast } from '../proposals/proposals.fixture';
import { congressWith, markPresent, seedPeople, type Person } from '../../test/congress';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';

// Editing and deleting what was set up by mistake, 请假 for many at once, and the session record's
// attendance. What has been recorded (attendance, an opened vote, a proposal) is never deleted.

describe.each(DIALECTS)('congress edits, deletions and leave on %s', (dialect) => {
  let t: TestApp;
  let chair: Client;
  let people: Person[];
  let ids: { termId: string; sessionId: string };

  /** The audit rows about one entity, oldest first. */
  const audit = (entityId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', entityId).orderBy('id').execute();
  const newSession = async (termId: string, name: string) => {
    const r = await chair.post('/api/congress/sessions', { termId, name, date: '2025-12-01', place: '报告厅' });
    expect(r.status).toBe(201);
    return r.json.id as string;
  };

  beforeAll(async () => {
    t = await makeApp(dialect);
    chair = await t.as('chair');
    people = await seedPeople(t, 'e', 12, 10);
    ids = await congressWith(chair, people.slice(0, 10));
  });
  afterAll(() => t.close());

  it('edits a term: name and dates, keeping the 3-or-5-year warning and refusing an end before the start', async () => {
    const url = `/api/congress/terms/${ids.termId}`;
    const renamed = await chair.patch(url, { name: '第五届（2024—2027）' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: '第五届（2024—2027）', startDate: '2024-09-01', endDate: '2027-08-31', warnings: [] });
    const odd = await chair.patch(url, { endDate: '2028-08-31' });
    expect(odd.json.warnings).toEqual(['term_length']);
    const bad = await chair.patch(url, { endDate: '2024-08-31' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.endDate).toBe('届期结束日期应晚于开始日期');
    expect((await chair.patch(url, { startDate: '2024-13-01' })).status).toBe(422);
    expect((await chair.patch(url, { endDate: '2029-08-31' })).json).toMatchObject({ endDate: '2029-08-31', warnings: [] });
    expect((await chair.patch('/api/congress/terms/no-such-term', { name: 'x' })).status).toBe(404);
    const rows = await audit(ids.termId);
    expect(rows.filter((r) => r.action === 'update')).toHaveLength(3);
    expect(JSON.parse(rows.find((r) => r.action === 'update')!.before!)).toMatchObject({ name: '第五届', endDate: '2027-08-31' });
  });

  it('edits a session (name, date, place; place can be cleared) and refuses bad input', async () => {
    const url = `/api/congress/sessions/${ids.sessionId}`;
    const res = await chair.patch(url, { name: '第五届第二次会议（改期）', date: '2025-09-12', place: '学校礼堂' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: '第五届第二次会议（改期）', date: '2025-09-12', place: '学校礼堂' });
    expect((await chair.patch(url, { place: null })).json.place).toBeNull();
    const bad = await chair.patch(url, { date: '2025-02-30', name: '' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['date', 'name']);
    expect((await chair.get(url)).json).toMatchObject({ date: '2025-09-12', place: null });
    // The session cannot move to another term: its delegates and attendance belong to this one.
    expect((await chair.patch(url, { termId: 'other' })).json.termId).toBe(ids.termId);
    expect((await audit(ids.sessionId)).filter((r) => r.action === 'update')).toHaveLength(3);
  });

  it('edits and removes guests, who may only be linked to a member of this school', async () => {
    const base = `/api/congress/sessions/${ids.sessionId}/guests`;
    const added = await chair.post(base, { name: '退休教师代表', note: '列席' });
    const guestId = added.json.guests[0].id as string;
    const edited = await chair.patch(`${base}/${guestId}`, { name: people[11].name, memberId: people[11].memberId, note: null });
    expect(edited.status).toBe(200);
    expect(edited.json.guests).toEqual([{ id: guestId, name: people[11].name, memberId: people[11].memberId, note: null }]);
    const otherSchool = await (await t.as('admin', t.b)).post('/api/members', { employeeNo: 'B900', name: '二小会员' });
    const foreign = await chair.patch(`${base}/${guestId}`, { memberId: otherSchool.json.id });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.fields.memberId).toBe('该会员不存在或已不在本校');
    expect((await chair.post(base, { name: '冒名', memberId: otherSchool.json.id })).status).toBe(422);
    expect((await chair.patch(`${base}/no-such-guest`, { name: 'x' })).status).toBe(404);
    expect((await chair.del(`${base}/${guestId}`)).json.guests).toEqual([]);
    expect((await chair.del(`${base}/${guestId}`)).status).toBe(404);
    expect((await audit(ids.sessionId)).map((r) => r.action)).toEqual(expect.arrayContaining(['add_guest', 'update_guest', 'remove_guest']));
  });

  it('edits and deletes a draft vote, never an open or closed one', async () => {
    const created = await chair.post(`/api/congress/sessions/${ids.sessionId}/votes`, { title: '财务报告', kind: 'resolution', secret: false });
    const url = `/api/congress/votes/${created.json.id}`;
    // Into an election: seats and candidates become required.
    const incomplete = await chair.patch(url, { kind: 'election' });
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.json.error.fields).sort()).toEqual(['candidates', 'seats']);
    const [a, b, c] = people;
    const election = await chair.patch(url, { title: '工会委员补选', kind: 'election', secret: true, seats: 1, candidates: [a.memberId, b.memberId] });
    expect(election.status).toBe(200);
    expect(election.json).toMatchObject({ title: '工会委员补选', kind: 'election', secret: true, seats: 1, status: 'draft', candidates: [{ memberId: a.memberId }, { memberId: b.memberId }] });
    expect((await chair.patch(url, { candidates: [c.memberId, a.memberId] })).json.candidates.map((x: { name: string }) => x.name)).toEqual([c.name, a.name]);
    expect((await chair.patch(url, { candidates: [a.memberId, a.memberId] })).json.error.fields.candidates).toBe('候选人不能重复');
    expect((await chair.patch(url, { candidates: ['no-such-member'] })).status).toBe(422);
    // Back to a resolution: the candidates go.
    const back = await chair.patch(url, { kind: 'resolution', title: '财务工作报告' });
    expect(back.json).toMatchObject({ kind: 'resolution', seats: null, candidates: [] });

    const drafted = await chair.post(`/api/congress/sessions/${ids.sessionId}/votes`, { title: '草拟后删除', kind: 'election', secret: true, seats: 1, candidates: [a.memberId] });
    expect((await chair.del(`/api/congress/votes/${drafted.json.id}`)).status).toBe(204);
    expect((await chair.get(`/api/congress/votes/${drafted.json.id}`)).status).toBe(404);

    await markPresent(chair, ids.sessionId, people.slice(0, 7));
    expect((await chair.post(`${url}/open`)).status).toBe(200);
    const locked = await chair.patch(url, { title: '开始后改名' });
    expect(locked.status).toBe(409);
    expect(locked.json.error).toMatchObject({ code: 'vote_locked', message: '表决“财务工作报告”已开始或已结束，不能再修改或删除' });
    expect((await chair.del(url)).status).toBe(409);
    await chair.post(`${url}/close`);
    expect((await chair.patch(url, { secret: true })).status).toBe(409);
    expect((await chair.del(url)).status).toBe(409);
    expect((await chair.get(url)).json).toMatchObject({ title: '财务工作报告', status: 'closed' });
    expect((await audit(created.json.id)).map((r) => r.action)).toEqual(['create', 'update', 'update', 'update', 'open', 'close']);
    expect((await audit(drafted.json.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('marks many delegates on leave at once; 请假 lowers 应到 (the 应到会 base), not the quorum', async () => {
    const { termId, sessionId } = await congressWith(chair, people.slice(0, 10), '试验届');
    const bulk = `/api/congress/sessions/${sessionId}/attendance/bulk`;
    const leave = await chair.post(bulk, { memberIds: people.slice(0, 3).map((p) => p.memberId), status: 'leave' });
    expect(leave.status).toBe(200);
    expect(leave.json).toEqual({ delegates: 10, present: 0, required: 7, met: false, leave: 3, expected: 7 });
    // The older body still works, and so does the public single-delegate contract.
    expect((await chair.post(bulk, { memberIds: people.slice(3, 9).map((p) => p.memberId), present: true })).json).toMatchObject({ present: 6, leave: 3 });
    expect((await chair.post(`/api/congress/sessions/${sessionId}/attendance`, { memberId: people[9].memberId, present: true })).json).toMatchObject({ present: 7, met: true });
    expect((await chair.post(bulk, { memberIds: [people[0].memberId], status: 'present' })).json).toMatchObject({ present: 8, leave: 2, expected: 8 });
    expect((await chair.post(bulk, { memberIds: [people[9].memberId], status: 'absent' })).json).toMatchObject({ present: 7, leave: 2 });
    // Exactly one of status and present; only delegates of the term.
    const both = await chair.post(bulk, { memberIds: [people[1].memberId], status: 'leave', present: true });
    expect(both.status).toBe(422);
    expect(both.json.error.fields.status).toBe('请指定出席情况：status（出席、缺席或请假）与 present 二者选一');
    expect((await chair.post(bulk, { memberIds: [people[1].memberId] })).status).toBe(422);
    expect((await chair.post(bulk, { memberIds: [people[1].memberId], status: 'late' })).status).toBe(422);
    const outsider = await chair.post(bulk, { memberIds: [people[1].memberId, people[11].memberId], status: 'leave' });
    expect(outsider.status).toBe(422);
    expect(outsider.json.error.code).toBe('not_delegate');
    const list = (await chair.get(`/api/congress/sessions/${sessionId}/attendance`)).json as { memberId: string; status: string }[];
    expect(list.filter((r) => r.status === 'leave').map((r) => r.memberId).sort()).toEqual([people[1].memberId, people[2].memberId].sort());
    const marks = (await audit(sessionId)).filter((r) => r.action === 'attendance');
    expect(JSON.parse(marks[0].after!)).toMatchObject({ status: 'leave', method: 'clerk' });

    // With the 应到会 setting, a vote's base is the 8 expected, so 5 votes pass where 6 of 10 would be needed.
    const admin = await t.as('admin');
    await admin.patch('/api/org', { settings: { quorumBase: 'expected_delegates' } });
    const vote = await chair.post(`/api/congress/sessions/${sessionId}/votes`, { title: '请假后的表决', kind: 'resolution', secret: false });
    await chair.post(`/api/congress/votes/${vote.json.id}/open`);
    for (const p of people.slice(3, 8)) {
      const c = t.client();
      await c.login(p.username);
      expect((await c.post(`/api/congress/votes/${vote.json.id}/ballots`, { choice: 'yes' })).status).toBe(201);
    }
    expect((await chair.post(`/api/congress/votes/${vote.json.id}/close`)).json).toMatchObject({ base: 8, baseKind: 'expected_delegates', threshold: 5, passed: true });
    await admin.patch('/api/org', { settings: { quorumBase: 'all_delegates' } });

    // The session record names who was present, on leave and absent.
    const res = await chair.get(`/api/congress/sessions/${sessionId}/record.docx`);
    const text = (await (await JSZip.loadAsync(res.raw)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('本届代表 10 人，请假 2 人，应到 8 人，实到 7 人（占全体代表 70.0%），缺席 1 人；法定人数为 7 人（全体代表的三分之二），已达到。');
    expect(text).toContain(`请假代表（2 人）：${[people[1].name, people[2].name].join('、')}`);
    expect(text).toContain(`缺席代表（1 人）：${people[9].name}`);
    expect(text).toContain('表决基数 8 人（应到会代表），过半数为 5 票');
    expect(text).toContain('结果：通过');
    expect(termId).toBeTruthy();
  });

  it('deletes an empty session with its agenda, guests, draft votes, proposal window and documents', async () => {
    const sessionId = await newSession(ids.termId, '误建的会议');
    await chair.request('PUT', `/api/congress/sessions/${sessionId}/agenda`, { body: { items: [{ title: '工作报告', kind: 'work_report' }] } });
    await chair.post(`/api/congress/sessions/${sessionId}/guests`, { name: '列席' });
    await chair.post(`/api/congress/sessions/${sessionId}/votes`, { title: '草拟', kind: 'election', secret: true, seats: 1, candidates: [people[0].memberId] });
    // Marked absent by mistake and back: no one present or on leave, so nothing is recorded.
    await chair.post(`/api/congress/sessions/${sessionId}/attendance`, { memberId: people[0].memberId, present: false });
    expect((await chair.request('PUT', '/api/proposal-windows', { body: { sessionId, opensOn: '2025-11-01', closesOn: '2025-11-20' } })).status).toBe(200);
    const document = await chair.request('POST', `/api/files?ownerKind=congress_session&ownerId=${sessionId}`, await multipart(PNG, { filename: '座位图.png', type: 'image/png' }));
    expect(document.status).toBe(201);
    expect((await chair.del(`/api/congress/sessions/${sessionId}`)).status).toBe(204);
    expect((await chair.get(`/api/files/${document.json.id}`)).status).toBe(404);
    expect((await chair.get(`/api/congress/sessions/${sessionId}`)).status).toBe(404);
    expect((await chair.get(`/api/congress/sessions?termId=${ids.termId}`)).json.items.map((s: { id: string }) => s.id)).not.toContain(sessionId);
    for (const table of ['congress_agenda_items', 'congress_guests', 'congress_votes', 'congress_attendance', 'proposal_windows'] as const) {
      expect(await t.database.db.selectFrom(table).select('session_id').where('session_id', '=', sessionId).execute(), table).toEqual([]);
    }
    const [deleted] = (await audit(sessionId)).filter((r) => r.action === 'delete');
    expect(JSON.parse(deleted.before!)).toMatchObject({ name: '误建的会议', place: '报告厅', documents: ['座位图.png'] });
    expect((await chair.del(`/api/congress/sessions/${sessionId}`)).status).toBe(404);
  });

  it('refuses to delete a session with attendance, leave, an opened vote or a proposal, saying what it has', async () => {
    // Attendance (the session from beforeAll has 7 present and an opened vote).
    const inUse = await chair.del(`/api/congress/sessions/${ids.sessionId}`);
    expect(inUse.status).toBe(409);
    expect(inUse.json.error).toEqual({ code: 'session_in_use', message: '会议“第五届第二次会议（改期）”已有记录，不能删除：签到或请假 7 人，已开始的表决 1 项，提案 0 件' });
    const en = t.client();
    en.lang = 'en';
    Object.assign(en, { cookie: chair.cookie, csrf: chair.csrf });
    expect((await en.del(`/api/congress/sessions/${ids.sessionId}`)).json.error.message).toBe(
      'The session "第五届第二次会议（改期）" has records and cannot be deleted: 7 present or on leave, 1 votes opened, 0 proposals',
    );
    // Only a delegate on leave.
    const onLeave = await newSession(ids.termId, '只有请假');
    await chair.post(`/api/congress/sessions/${onLeave}/attendance`, { memberId: people[0].memberId, present: false, leave: true });
    expect((await chair.del(`/api/congress/sessions/${onLeave}`)).json.error.message).toContain('签到或请假 1 人');
    // Only proposals (a draft is a delegate's work too).
    const cast = await setupCast(t, t.a, 'ed');
    expect((await cast.proposer.post('/api/proposals', draftBody(cast, '尚未提交的草稿'))).status).toBe(201);
    await assigned(cast, '关于改善教师食堂的建议');
    const withProposal = await chair.del(`/api/congress/sessions/${cast.sessionId}`);
    expect(withProposal.status).toBe(409);
    expect(withProposal.json.error.message).toContain('提案 2 件');
    expect((await chair.get(`/api/congress/sessions/${cast.sessionId}`)).status).toBe(200);
    // The term of that session cannot go either.
    expect((await chair.del(`/api/congress/terms/${cast.termId}`)).json.error.code).toBe('term_in_use');

    // The session record lists the submitted proposals with where each stands; drafts stay private.
    const res = await chair.get(`/api/congress/sessions/${cast.sessionId}/record.docx`);
    const text = (await (await JSZip.loadAsync(res.raw)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('本次会议征集提案 1 件，立案 1 件（立案率 100.0%）');
    expect(text).toMatch(/关于改善教师食堂的建议（提案人：李提案；已交办；主办：总务处）/);
    expect(text).not.toContain('尚未提交的草稿');
  });

  it('deletes an empty term with its delegates and sessions; refuses one with records or an extra-session request', async () => {
    const spare = (await chair.post('/api/congress/terms', { name: '误建届', startDate: '2030-09-01', endDate: '2035-08-31' })).json.id as string;
    await chair.post(`/api/congress/terms/${spare}/delegates`, { memberId: people[0].memberId, delegation: '语文代表团' });
    const sessionId = await newSession(spare, '误建届第一次会议');
    expect((await chair.del(`/api/congress/terms/${spare}`)).status).toBe(204);
    expect((await chair.get(`/api/congress/terms/${spare}`)).status).toBe(404);
    expect((await chair.get(`/api/congress/sessions/${sessionId}`)).status).toBe(404);
    expect(await t.database.db.selectFrom('congress_delegations').select('id').where('term_id', '=', spare).execute()).toEqual([]);
    expect((await audit(spare)).map((r) => r.action)).toEqual(['create', 'add_delegate', 'delete']);

    const refused = await chair.del(`/api/congress/terms/${ids.termId}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe('届次“第五届（2024—2027）”已有记录，不能删除：签到或请假 8 人次，已开始的表决 1 项，提案 0 件，临时会议提议 0 件');

    const requested = (await chair.post('/api/congress/terms', { name: '有提议的届', startDate: '2030-09-01', endDate: '2035-08-31' })).json.id as string;
    await chair.post(`/api/congress/terms/${requested}/delegates`, { memberId: people[0].memberId });
    const delegate = t.client();
    await delegate.login(people[0].username);
    expect((await delegate.post(`/api/congress/terms/${requested}/requests`, { reason: '讨论搬迁方案' })).status).toBe(201);
    expect((await chair.del(`/api/congress/terms/${requested}`)).json.error.message).toContain('临时会议提议 1 件');
    // Members may read but never edit or delete.
    const member = await t.as('member');
    expect((await member.patch(`/api/congress/terms/${requested}`, { name: 'x' })).status).toBe(403);
    expect((await member.del(`/api/congress/terms/${requested}`)).status).toBe(403);
  });
});
