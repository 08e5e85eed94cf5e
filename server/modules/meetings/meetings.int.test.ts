import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../files/files.fixture';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';
import { today } from '../proposals/proposals.fixture';
import { setupMeetings, type MeetingSchool } from './meetings.fixture';

// 会议与座谈会: types, recording a 座谈会 with retirees and guests, who reads it, opinions and what they
// become (a suggestion in the union's name, a proposal draft for a delegate), linked both ways, the
// minutes as .docx and the figures of the school year.

describe.each(DIALECTS)('meetings on %s', (dialect) => {
  let t: TestApp;
  let s: MeetingSchool;
  let meetingId: string;
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, { body });
  const opinion = (i: number) => async () => (await s.chair.get(`/api/meetings/${meetingId}`)).json.opinionList[i];

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupMeetings(t);
  });
  afterAll(() => t.close());

  const base = () => ({
    typeId: s.types['座谈会'],
    title: '退休教师座谈会',
    date: today(),
    startTime: '09:00',
    endTime: '11:00',
    place: '三楼会议室',
    hostMemberId: s.cast.m.head,
    memberIds: [s.r.wang, s.r.zhao, s.r.qian, s.cast.m.c1],
    guests: [{ name: '陈主任', unit: '区教育工会' }],
    agenda: ['通报学校发展规划', '听取退休教师意见'],
    minutes: '<p>孙团长通报了学校发展规划。</p><script>alert(1)</script><p onclick="x()">大家踊跃发言。</p>',
    decisions: ['每学期召开一次退休教师座谈会'],
  });

  it('seeds the five default types once, and lets meetings.manage add, rename and retire them', async () => {
    expect(Object.keys(s.types)).toEqual(['行政办公会', '教职工大会', '工会委员会会议', '座谈会', '小组会']);
    expect((await s.cast.outsider.get('/api/meeting-types')).json).toHaveLength(5);
    expect((await s.cast.outsider.post('/api/meeting-types', { name: '专题会' })).status).toBe(403);
    const added = await s.committee.post('/api/meeting-types', { name: '专题会' });
    expect(added.status).toBe(201);
    expect(added.json.map((x: { name: string }) => x.name)).toContain('专题会');
    const again = await s.committee.post('/api/meeting-types', { name: '专题会' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('meeting_type_taken');
    const id = added.json.find((x: { name: string }) => x.name === '专题会').id;
    expect((await s.committee.patch(`/api/meeting-types/${id}`, { name: '行政办公会' })).status).toBe(409);
    const renamed = await s.committee.patch(`/api/meeting-types/${id}`, { name: '专题研讨会' });
    expect(renamed.json.find((x: { id: string }) => x.id === id)).toMatchObject({ name: '专题研讨会', retired: false, used: 0 });
    expect((await s.committee.patch(`/api/meeting-types/${id}`, { name: '' })).status).toBe(422);
    expect((await s.committee.del(`/api/meeting-types/${id}`)).status).toBe(200);
    expect((await s.committee.del(`/api/meeting-types/${id}`)).status).toBe(404);
  });

  it('records a 座谈会 with retirees and a guest, minutes sanitized; refuses bad input and writes nothing', async () => {
    const bad = [
      [{ ...base(), date: '2025-02-30' }, 422, 'date'],
      [{ ...base(), endTime: '08:00' }, 422, 'endTime'],
      [{ ...base(), startTime: '25:00' }, 422, 'startTime'],
      [{ ...base(), title: '' }, 422, 'title'],
      [{ ...base(), memberIds: ['no-such-member'] }, 422, 'memberIds'],
      [{ ...base(), hostMemberId: 'no-such-member' }, 422, 'hostMemberId'],
      [{ ...base(), typeId: 'no-such-type' }, 422, 'typeId'],
    ] as const;
    for (const [body, status, field] of bad) {
      const res = await s.committee.post('/api/meetings', body);
      expect(res.status, field).toBe(status);
      expect(Object.keys(res.json.error.fields ?? {}), field).toContain(field);
    }
    expect(await t.database.db.selectFrom('meetings').select('id').execute()).toEqual([]);
    expect((await s.cast.outsider.post('/api/meetings', base())).status).toBe(403);

    const res = await s.committee.post('/api/meetings', base());
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    meetingId = res.json.id;
    expect(res.json).toMatchObject({ typeName: '座谈会', title: '退休教师座谈会', hostName: '孙团长', attendees: 5, opinions: 0, canManage: true });
    expect(res.json.minutes).toBe('<p>孙团长通报了学校发展规划。</p><p>大家踊跃发言。</p>');
    expect(res.json.attendeeList).toEqual([
      { memberId: s.r.wang, name: '王退休', unit: '退休', status: 'retired', guest: false },
      { memberId: s.r.zhao, name: '赵退休', unit: '退休', status: 'retired', guest: false },
      { memberId: s.r.qian, name: '钱退休', unit: '退休', status: 'retired', guest: false },
      { memberId: s.cast.m.c1, name: '王附议', unit: '语文组', status: 'active', guest: false },
      { memberId: null, name: '陈主任', unit: '区教育工会', status: null, guest: true },
    ]);
    // A type in use is never deleted; retired, no new meeting takes it.
    expect((await s.committee.del(`/api/meeting-types/${s.types['座谈会']}`)).status).toBe(409);
    const small = s.types['小组会'];
    expect((await s.committee.post('/api/meetings', { ...base(), typeId: small, title: '语文组小组会' })).status).toBe(201);
    await s.committee.patch(`/api/meeting-types/${small}`, { retired: true });
    expect((await s.committee.post('/api/meetings', { ...base(), typeId: small, title: '又一次小组会' })).status).toBe(422);
    await s.committee.patch(`/api/meeting-types/${small}`, { retired: false });
  });

  it('lets meetings.read read every meeting, an attendee the ones attended, and answers 404 to everyone else', async () => {
    expect((await s.chair.get(`/api/meetings/${meetingId}`)).status).toBe(200);
    expect((await s.chair.get('/api/meetings')).json.total).toBe(2);
    // The filters, each a query of its own shape: by type, by words in the title, both, and a page of one.
    const titles = async (query: string) => (await s.chair.get(`/api/meetings${query}`)).json.items.map((m: { title: string }) => m.title);
    expect(await titles(`?typeId=${s.types['座谈会']}`)).toEqual(['退休教师座谈会']);
    expect(await titles(`?q=${encodeURIComponent('小组')}`)).toEqual(['语文组小组会']);
    expect(await titles(`?typeId=${s.types['小组会']}&q=${encodeURIComponent('退休')}`)).toEqual([]);
    const paged = (await s.chair.get('/api/meetings?pageSize=1&page=2')).json;
    expect([paged.total, paged.items.length]).toEqual([2, 1]);
    expect((await s.chair.get('/api/meetings/mine')).json.items).toEqual([]);
    expect((await s.retiree.get('/api/meetings/mine')).json.total).toBe(2);
    const mine = await s.retiree.get('/api/meetings');
    expect(mine.json.items.map((m: { id: string }) => m.id)).toContain(meetingId);
    const read = await s.retiree.get(`/api/meetings/${meetingId}`);
    expect(read.status).toBe(200);
    expect(read.json.canManage).toBe(false);
    expect((await s.cast.outsider.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await s.cast.outsider.get('/api/meetings')).json.items).toEqual([]);
    expect((await (await t.as('member')).get('/api/meetings')).json.items).toEqual([]);
    expect((await s.cast.handler.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    const other = await t.as('chair', t.b);
    expect((await other.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await put(other, `/api/meetings/${meetingId}`, base())).status).toBe(404);
    expect((await put(s.retiree, `/api/meetings/${meetingId}`, base())).status).toBe(403);
    expect((await s.retiree.post(`/api/meetings/${meetingId}/opinions`, { content: '我也说一句' })).status).toBe(403);
    expect((await s.retiree.get(`/api/meetings/figures`)).status).toBe(403);
  });

  it('records opinions by an attendee or a guest, refusing a member who was not there', async () => {
    const add = (body: Record<string, unknown>) => s.committee.post(`/api/meetings/${meetingId}/opinions`, body);
    expect((await add({ memberId: s.cast.m.outsider, content: '食堂饭菜偏咸' })).status).toBe(422);
    expect((await add({ memberId: s.r.wang, guestName: '陈主任', content: '两者都填' })).status).toBe(422);
    expect((await add({ content: '' })).status).toBe(422);
    expect((await add({ memberId: s.r.wang, content: '希望学校每年组织一次退休教师体检' })).status).toBe(201);
    expect((await add({ memberId: s.r.zhao, content: '建议设立退休教师活动室' })).status).toBe(201);
    const guest = await add({ guestName: '陈主任', content: '区里可协调场地' });
    expect(guest.json.opinionList.map((o: { raisedBy: string }) => o.raisedBy)).toEqual(['王退休', '赵退休', '陈主任']);
    const third = guest.json.opinionList[2].id;
    expect((await s.committee.request('PUT', `/api/meetings/${meetingId}/opinions/${third}`, { body: { guestName: '陈主任', content: '区工会可协调场地' } })).json.opinionList[2].content).toBe('区工会可协调场地');
    expect((await s.committee.del(`/api/meetings/${meetingId}/opinions/${third}`)).json.opinionList).toHaveLength(2);
    // A member who raised an opinion stays on the list.
    const without = await put(s.committee, `/api/meetings/${meetingId}`, { ...base(), memberIds: [s.r.zhao, s.r.qian, s.cast.m.c1] });
    expect(without.status).toBe(422);
    expect(without.json.error.fields).toEqual({ memberIds: expect.any(String) });
  });

  it('passes an opinion to the 意见箱 in the union’s name, linked both ways, once', async () => {
    const o = await opinion(0)();
    const url = `/api/meetings/${meetingId}/opinions/${o.id}/suggestion`;
    expect((await s.committee.post(url, { to: 'no-such-department', title: '退休教师体检' })).status).toBe(422);
    expect((await s.retiree.post(url, { to: 'principal', title: '退休教师体检' })).status).toBe(403);
    const res = await s.committee.post(url, { to: 'principal', category: 'welfare', title: '退休教师体检' });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const became = res.json.opinionList[0].became;
    expect(became).toMatchObject({ kind: 'suggestion', title: '退休教师体检', on: today() });
    const again = await s.committee.post(url, { to: 'union', title: '再转一次' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('meeting_opinion_converted');
    expect((await s.committee.request('PUT', `/api/meetings/${meetingId}/opinions/${o.id}`, { body: { content: '改' } })).status).toBe(409);
    expect((await s.committee.del(`/api/meetings/${meetingId}/opinions/${o.id}`)).status).toBe(409);

    const principal = await t.as('principal');
    const sug = await principal.get(`/api/suggestions/${became.id}`);
    expect(sug.status).toBe(200);
    expect(sug.json).toMatchObject({ anonymous: false, writerName: null, category: 'welfare', fromMeeting: { meetingId, title: '退休教师座谈会', date: today() } });
    expect(sug.json.content).toContain('希望学校每年组织一次退休教师体检');
    expect(sug.json.content).toContain('「退休教师座谈会」上由王退休提出');
    expect((await principal.get('/api/suggestions')).json.items.map((i: { id: string }) => i.id)).toContain(became.id);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', 'in', [o.id, became.id]).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'convert', entity: 'meeting_opinion' }, { action: 'submit', entity: 'suggestion' }]));
  });

  it('turns an opinion into a proposal draft for a delegate, who finds it with the way back', async () => {
    const o = await opinion(1)();
    const url = `/api/meetings/${meetingId}/opinions/${o.id}/proposal`;
    const body = { sessionId: s.cast.sessionId, proposerMemberId: s.cast.m.proposer, title: '关于设立退休教师活动室的建议', category: 'welfare' };
    const notDelegate = await s.committee.post(url, { ...body, proposerMemberId: s.r.zhao });
    expect(notDelegate.status).toBe(422);
    expect(notDelegate.json.error.fields).toEqual({ proposerMemberId: expect.any(String) });
    expect((await s.committee.post(url, { ...body, sessionId: 'no-such-session' })).status).toBe(422);
    expect((await s.committee.post(url, { ...body, category: 'nope' })).status).toBe(422);
    expect(await t.database.db.selectFrom('proposals').select('id').execute()).toEqual([]);
    const res = await s.committee.post(url, body);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const became = res.json.opinionList[1].became;
    expect(became).toMatchObject({ kind: 'proposal', title: '关于设立退休教师活动室的建议' });
    const draft = await s.cast.proposer.get(`/api/proposals/${became.id}`);
    expect(draft.status).toBe(200);
    expect(draft.json).toMatchObject({ state: 'draft', proposerName: '李提案', fromMeeting: { meetingId, title: '退休教师座谈会' } });
    expect(draft.json.reasons).toContain('建议设立退休教师活动室');
    // The meeting with opinions passed on stays.
    expect((await s.committee.del(`/api/meetings/${meetingId}`)).status).toBe(409);
  });

  it('exports the minutes as .docx in the CJK font, for readers and attendees only', async () => {
    const res = await s.retiree.get(`/api/meetings/${meetingId}/minutes.docx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('退休教师座谈会-会议纪要.docx'));
    const zip = await JSZip.loadAsync(res.raw);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('第一中学退休教师座谈会会议纪要');
    expect(text).toContain('参会人员（5 人）：王退休（退休）、赵退休（退休）、钱退休（退休）、王附议、陈主任（区教育工会）');
    expect(text).toContain('孙团长通报了学校发展规划。');
    expect(text).toContain('每学期召开一次退休教师座谈会');
    expect(text).toContain('王退休：希望学校每年组织一次退休教师体检（已转意见箱：退休教师体检）');
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Noto Sans CJK SC');
    expect((await s.cast.outsider.get(`/api/meetings/${meetingId}/minutes.docx`)).status).toBe(404);
  });

  it('keeps attachments to those who read the meeting; only meetings.manage adds them', async () => {
    const up = async (c: Client) => c.request('POST', `/api/files?ownerKind=meeting&ownerId=${meetingId}`, await multipart(PNG, { filename: '合影.png', type: 'image/png' }));
    expect((await up(s.committee)).status).toBe(201);
    expect((await up(s.retiree)).status).toBe(403);
    expect((await up(s.cast.outsider)).status).toBe(404);
    expect((await s.retiree.get(`/api/files?ownerKind=meeting&ownerId=${meetingId}`)).json.total).toBe(1);
    expect((await s.cast.outsider.get(`/api/files?ownerKind=meeting&ownerId=${meetingId}`)).status).toBe(404);
  });

  it('counts the school year by type: meetings, attendees, opinions, opinions passed on', async () => {
    const res = await s.chair.get('/api/meetings/figures');
    expect(res.status).toBe(200);
    expect(res.json.total).toEqual({ meetings: 2, attendees: 10, opinions: 2, converted: 2 });
    const byName = Object.fromEntries(res.json.byType.map((x: { name: string }) => [x.name, x]));
    expect(byName['座谈会']).toMatchObject({ meetings: 1, attendees: 5, opinions: 2, converted: 2 });
    expect(byName['小组会']).toMatchObject({ meetings: 1, attendees: 5, opinions: 0, converted: 0 });
    expect(byName['行政办公会']).toMatchObject({ meetings: 0 });
    expect((await s.chair.get('/api/meetings/figures?schoolYear=1999')).status).toBe(422);
  });

  it('turns an opinion into a rights case for the member who raised it, once', async () => {
    const added = await s.committee.post(`/api/meetings/${meetingId}/opinions`, { memberId: s.r.qian, content: '退休后医保报销比例降低，希望工会帮助反映' });
    const o = added.json.opinionList[2];
    const url = `/api/meetings/${meetingId}/opinions/${o.id}/case`;
    expect((await s.committee.post(url, { category: 'nope', title: '医保报销' })).status).toBe(422);
    expect((await s.retiree.post(url, { category: 'medical', title: '医保报销' })).status).toBe(403);
    const res = await s.committee.post(url, { category: 'medical', title: '退休教师医保报销' });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const became = res.json.opinionList[2].became;
    expect(became).toMatchObject({ kind: 'case', title: '退休教师医保报销' });
    const c = await s.chair.get(`/api/cases/${became.id}`);
    expect(c.status).toBe(200);
    expect(c.json.source).toEqual({ kind: 'meeting_opinion', id: o.id });
    expect((await s.committee.post(url, { category: 'medical', title: '再转一次' })).status).toBe(409);
    expect((await s.chair.get('/api/meetings/figures')).json.total).toMatchObject({ opinions: 3, converted: 3 });
  });
});
