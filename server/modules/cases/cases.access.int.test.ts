import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';
import { PNG } from '../files/files.fixture';
import { idByTitle, send } from '../suggestions/suggestions.fixture';
import { act, fromToday, raise, setupCases, type Cast } from './cases.fixture';

// Who may read a case and who is refused (404, as if it did not exist): the member, the union's case
// handlers and the department handler it was forwarded to — nobody else, not even holders of other
// union permissions or another school. And the 意见箱 link: a suggestion turned into a case, named or
// anonymous, without ever copying an anonymous writer.

describe.each(DIALECTS)('who sees a rights case on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  let id: string;
  let otherSchool: Client;
  beforeAll(async () => {
    t = await makeApp(dialect);
    c = await setupCases(t);
    otherSchool = await t.as('chair', t.b);
    id = await raise(c.writer, '住房补贴未发放', 'housing');
  });
  afterAll(() => t.close());

  const status = async (who: Client, url = `/api/cases/${id}`) => (await who.get(url)).status;
  const ids = async (who: Client, url: string) => ((await who.get(url)).json.items as { id: string }[]).map((x) => x.id);
  const upload = async (who: Client, caseId: string) => who.request('POST', `/api/files?ownerKind=case&ownerId=${caseId}`, await multipart(PNG, { filename: '证明材料.png', type: 'image/png' }));

  it('shows a case to its member and the union’s case handlers only, until it is forwarded', async () => {
    for (const who of [c.writer, c.rights, c.chair]) expect(await status(who)).toBe(200);
    // The committee reads the figures but not the cases; handlers see nothing not forwarded to them.
    for (const who of [c.writer2, c.committee, c.handler, c.handler2, c.principal, otherSchool]) expect(await status(who)).toBe(404);
    expect(await ids(c.writer, '/api/cases/mine')).toEqual([id]);
    expect(await ids(c.writer2, '/api/cases/mine')).toEqual([]);
    expect(await ids(c.rights, '/api/cases')).toEqual([id]);
    expect(await ids(otherSchool, '/api/cases')).toEqual([]);
    expect((await c.committee.get('/api/cases')).status).toBe(403);
    expect((await c.writer.get('/api/cases')).status).toBe(403);
    expect(await ids(c.handler2, '/api/cases/assigned')).toEqual([]);
    // A refused caller learns nothing from a write either, whatever the body.
    expect((await c.writer2.post(`/api/cases/${id}/info`, { body: '偷看' })).status).toBe(404);
    expect((await c.writer2.post(`/api/cases/${id}/info`, {})).status).toBe(404);
    expect((await otherSchool.post(`/api/cases/${id}/triage`, {})).status).toBe(404);
  });

  it('opens the case to the handler it was forwarded to, and only to them', async () => {
    await act(c.rights, id, 'triage');
    await act(c.rights, id, 'forward', { departmentId: c.dept.academic, handlerUserId: c.u.handler2, deadline: fromToday(5) });
    const seen = await c.handler2.get(`/api/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ isHandler: true, mine: false, canManage: false, memberName: '林来信' });
    expect(await ids(c.handler2, '/api/cases/assigned')).toEqual([id]);
    for (const who of [c.handler, c.writer2, c.committee, otherSchool]) expect(await status(who)).toBe(404);
    expect(await ids(c.handler, '/api/cases/assigned')).toEqual([]);
  });

  it('lets the member, the union and the forwarded handler attach files; others cannot even list them', async () => {
    expect((await upload(c.writer, id)).status).toBe(201);
    expect((await upload(c.handler2, id)).status).toBe(201);
    expect((await upload(c.rights, id)).status).toBe(201);
    expect((await c.handler2.get(`/api/files?ownerKind=case&ownerId=${id}`)).json.total).toBe(3);
    for (const who of [c.writer2, c.handler, c.committee]) {
      expect((await who.get(`/api/files?ownerKind=case&ownerId=${id}`)).status).toBe(404);
      expect((await upload(who, id)).status).toBe(404);
    }
    // After the response the handler reads but no longer adds.
    await act(c.handler2, id, 'respond', { body: '已补发。' });
    expect((await upload(c.handler2, id)).status).toBe(403);
  });

  it('turns a named suggestion into the writer’s case, once, linked both ways', async () => {
    const sid = await send(c.writer2, 'union', '女教师休产假后岗位被调整', { category: 'welfare' });
    // The rights officer does not handle the 意见箱; the committee handles it but not cases.
    expect((await c.rights.post(`/api/cases/from-suggestion/${sid}`, { category: 'leave' })).status).toBe(404);
    expect((await c.committee.post(`/api/cases/from-suggestion/${sid}`, { category: 'leave' })).status).toBe(403);
    expect((await c.chair.post(`/api/cases/from-suggestion/${sid}`, { category: 'nope' })).status).toBe(422);
    const made = await c.chair.post(`/api/cases/from-suggestion/${sid}`, { category: 'leave' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ title: '女教师休产假后岗位被调整', memberName: '何来信', source: { kind: 'suggestion', id: sid }, state: 'submitted' });
    expect(made.json.events[0]).toMatchObject({ kind: 'created_from', source: 'suggestion', anonymousSource: false });
    expect((await c.chair.post(`/api/cases/from-suggestion/${sid}`, { category: 'leave' })).json.error.code).toBe('case_source_taken');
    // The writer now has it among their cases; the suggestion's page links to it for both.
    expect(await ids(c.writer2, '/api/cases/mine')).toContain(made.json.id);
    expect((await c.writer2.get(`/api/cases/from-suggestion/${sid}`)).json.case).toMatchObject({ id: made.json.id });
    expect((await c.chair.get(`/api/cases/from-suggestion/${sid}`)).json.case).toMatchObject({ id: made.json.id });
    // The committee handles the suggestion but may not see the case: no link for them.
    expect((await c.committee.get(`/api/cases/from-suggestion/${sid}`)).json.case).toBeNull();
    expect((await c.writer.get(`/api/cases/from-suggestion/${sid}`)).status).toBe(404);
  });

  it('turns an anonymous suggestion into a case nobody’s: the union alone sees it and closes it', async () => {
    await send(c.writer, 'union', '食堂员工长期无劳动保护用品', { anonymous: true, category: 'logistics' });
    const sid = await idByTitle(c.chair, '食堂员工长期无劳动保护用品');
    const made = await c.chair.post(`/api/cases/from-suggestion/${sid}`, { category: 'safety' });
    expect(made.status).toBe(201);
    const caseId = made.json.id;
    expect(made.json).toMatchObject({ memberName: null, mine: false });
    expect(made.json.events[0]).toMatchObject({ kind: 'created_from', anonymousSource: true });
    const row = await t.database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.member_id).toBeNull();
    // Nothing of the writer's account anywhere in the case or its timeline.
    const writerId = c.u.writer;
    const events = await t.database.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).execute();
    expect(JSON.stringify({ row, events })).not.toContain(writerId);
    expect(JSON.stringify({ row, events })).not.toContain('林来信');
    expect(await ids(c.writer, '/api/cases/mine')).not.toContain(caseId);
    expect(await status(c.writer, `/api/cases/${caseId}`)).toBe(404);
    await act(c.rights, caseId, 'explain', { outcome: 'resolved', body: '已督促总务处发放。' });
    expect((await act(c.rights, caseId, 'close')).state).toBe('closed');
  });
});
