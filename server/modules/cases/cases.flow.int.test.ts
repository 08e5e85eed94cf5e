import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { act, fromToday, raise, setupCases, type Cast } from './cases.fixture';

// A case from raising to closing, every step on the timeline and every refusal on the way: wrong
// input, wrong state, wrong person; overdue detection; "not resolved" once; the figures and the export.

describe.each(DIALECTS)('rights case workflow on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => {
    t = await makeApp(dialect);
    c = await setupCases(t);
  });
  afterAll(() => t.close());

  const count = async (table: 'cases' | 'case_events') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const notices = async (who: Client) => ((await who.get('/api/notifications')).json.items as { kind: string; title: string; link: string }[]).filter((n) => n.kind === 'case');

  it('refuses bad input with field messages, and a raiser without a member record, writing nothing', async () => {
    const bad = [
      [{ category: 'gossip', title: '类别不对', content: '内容' }, { category: '不是允许的选项' }],
      [{ category: 'housing', title: '短', content: '' }, { content: '此项必填' }],
      [{ category: 'housing', title: 'x', content: '内容' }, { title: '此项必填' }],
    ] as const;
    for (const [body, fields] of bad) {
      const res = await c.writer.post('/api/cases', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields).toMatchObject(fields);
    }
    // The chair's seeded account is linked to no member: nobody's case to raise.
    const noMember = await c.chair.post('/api/cases', { category: 'housing', title: '住房问题', content: '内容' });
    expect(noMember.status).toBe(403);
    expect(noMember.json.error.message).toContain('未关联会员');
    expect(await count('cases')).toBe(0);
    expect((await c.writer.post('/api/cases', { category: 'x', title: '英文', content: '内容' }, { 'accept-language': 'en' })).json.error.fields).toEqual({ category: 'Not an allowed option' });
  });

  it('runs submitted → triaged → forwarded → responded → explained → closed, each step on the timeline and told', async () => {
    const id = await raise(c.writer, '孩子入学学位紧张');
    const raised = (await c.writer.get(`/api/cases/${id}`)).json;
    expect(raised).toMatchObject({ state: 'submitted', category: 'schooling', memberName: '林来信', mine: true, canManage: false, isHandler: false });
    expect(raised.raisedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect((await notices(c.rights)).some((n) => n.title === '有新的权益诉求' && n.link === `/cases/${id}`)).toBe(true);

    // Confirming or responding before their step: refused by state.
    expect((await c.writer.post(`/api/cases/${id}/confirm`, { rating: 5 })).status).toBe(409);
    expect((await c.rights.post(`/api/cases/${id}/forward`, { departmentId: c.dept.academic, handlerUserId: c.u.handler2, deadline: fromToday(7) })).json.error.code).toBe('case_state');

    await act(c.rights, id, 'triage', { note: '已与本人电话联系' });
    // Forwarding checks the department, that the handler is one of its handlers, and the deadline.
    const forward = (body: object) => c.rights.post(`/api/cases/${id}/forward`, { departmentId: c.dept.academic, handlerUserId: c.u.handler2, deadline: fromToday(7), ...body });
    expect((await forward({ departmentId: 'nope' })).json.error.fields).toEqual({ departmentId: '部门不存在或已删除' });
    expect((await forward({ handlerUserId: c.u.handler })).json.error.fields).toEqual({ handlerUserId: '承办人须为该部门有权答复诉求的有效账号' });
    expect((await forward({ deadline: fromToday(-1) })).json.error.fields).toEqual({ deadline: '办理期限不能早于今天' });
    expect((await forward({ deadline: '2026-02-30' })).status).toBe(422);
    const forwarded = await act(c.rights, id, 'forward', { departmentId: c.dept.academic, handlerUserId: c.u.handler2, deadline: fromToday(7) });
    expect(forwarded).toMatchObject({ state: 'forwarded', department: '教务处', deadline: fromToday(7), overdue: false });
    expect((await notices(c.handler2)).some((n) => n.title.includes('请于') && n.link === `/cases/${id}`)).toBe(true);

    // Only the handler it went to responds; the union cannot answer for the department.
    expect((await c.handler.post(`/api/cases/${id}/respond`, { body: '不是我' })).status).toBe(404);
    expect((await c.rights.post(`/api/cases/${id}/respond`, { body: '代答' })).status).toBe(403);
    expect((await c.handler2.post(`/api/cases/${id}/respond`, { body: '' })).status).toBe(422);
    await act(c.handler2, id, 'respond', { body: '本学年学位已满，已登记下学年优先。' });

    // The member adds information at any time; the explanation is required (outcome and text).
    await act(c.writer, id, 'info', { body: '孩子明年九月入学' });
    expect((await c.rights.post(`/api/cases/${id}/explain`, { outcome: 'not_now', body: ' ' })).json.error.fields).toEqual({ body: '此项必填' });
    expect((await c.rights.post(`/api/cases/${id}/explain`, { outcome: 'maybe', body: '说明' })).status).toBe(422);
    await act(c.rights, id, 'explain', { outcome: 'not_now', body: '本学年无法解决，已列入下学年优先名单，九月前再与您联系。' });

    expect((await c.writer.post(`/api/cases/${id}/confirm`, { rating: 6 })).json.error.fields).toEqual({ rating: '请给出 1–5 分的评价' });
    expect((await c.writer2.post(`/api/cases/${id}/confirm`, { rating: 5 })).status).toBe(404);
    expect((await c.rights.post(`/api/cases/${id}/confirm`, { rating: 5 })).status).toBe(403);
    const closed = await act(c.writer, id, 'confirm', { rating: 4, comment: '解释清楚了' });
    expect(closed).toMatchObject({ state: 'closed', rating: 4, outcome: 'not_now', response: '本学年学位已满，已登记下学年优先。' });
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'triaged', 'forwarded', 'responded', 'info', 'explained', 'closed']);
    expect(closed.events.find((e: { kind: string }) => e.kind === 'forwarded')).toMatchObject({ department: '教务处', deadline: fromToday(7), actorName: expect.any(String) });

    // Closed is closed: no more steps, no more information.
    expect((await c.rights.post(`/api/cases/${id}/explain`, { outcome: 'resolved', body: '再说明' })).status).toBe(409);
    expect((await c.writer.post(`/api/cases/${id}/info`, { body: '还有' })).status).toBe(409);
    const told = (await notices(c.writer)).map((n) => n.title);
    expect(told).toEqual(expect.arrayContaining(['工会已受理您的诉求', '承办部门已答复，工会将向您说明结果']));
    expect(told.some((x) => x.startsWith('您的诉求已转交教务处'))).toBe(true);
    expect(told.some((x) => x.startsWith('工会已答复您的诉求'))).toBe(true);
    // Every step left an audit row.
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'case').where('entity_id', '=', id).execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['add_info', 'confirm', 'create', 'explain', 'forward', 'respond', 'take_up'].sort());
  });

  it('lets the union explain without forwarding, and the member say "not resolved" once', async () => {
    const id = await raise(c.writer2, '职称评定材料不清楚', 'title');
    await act(c.chair, id, 'explain', { outcome: 'resolved', body: '已将评审细则发给您。' });
    const back = await act(c.writer2, id, 'not-resolved', { reason: '细则里没有我的情况' });
    expect(back).toMatchObject({ state: 'triaged', reopened: true, explanation: null });
    await act(c.chair, id, 'explain', { outcome: 'planned', body: '已请人事干部下周与您面谈。' });
    const again = await c.writer2.post(`/api/cases/${id}/not-resolved`, { reason: '还是不行' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('case_reopened_once');
    // A case with a member is closed by that member, not by the union.
    expect((await c.chair.post(`/api/cases/${id}/close`)).json.error.code).toBe('case_has_member');
    expect((await act(c.writer2, id, 'confirm', { rating: 2 })).state).toBe('closed');
  });

  it('flags a forwarded case past its deadline without a response as overdue, first in the inbox', async () => {
    const id = await raise(c.writer, '体检报销迟迟未到', 'medical');
    await act(c.rights, id, 'triage');
    await act(c.rights, id, 'forward', { departmentId: c.dept.general, handlerUserId: c.u.handler, deadline: fromToday(0) });
    expect((await c.rights.get('/api/cases?overdue=1')).json.items).toEqual([]);
    await t.database.db.updateTable('cases').set({ deadline: fromToday(-2) }).where('id', '=', id).execute();
    const inbox = (await c.rights.get('/api/cases')).json.items;
    expect(inbox[0]).toMatchObject({ id, overdue: true });
    // Page by page (the page is cut before the names are joined), also when searching by the member's name.
    expect(inbox.length).toBeGreaterThan(2);
    for (const search of ['', '&q=林来信']) {
      const all = search ? (await c.rights.get(`/api/cases?pageSize=100${search}`)).json.items : inbox;
      expect(all.length).toBeGreaterThan(0);
      const numbers = Array.from({ length: Math.ceil(all.length / 2) }, (_, k) => k + 1);
      const pages = await Promise.all(numbers.map(async (n) => (await c.rights.get(`/api/cases?page=${n}&pageSize=2${search}`)).json));
      expect(pages.map((p) => p.total)).toEqual(numbers.map(() => all.length));
      expect(pages.flatMap((p) => p.items)).toEqual(all);
    }
    expect((await c.rights.get('/api/cases?overdue=1')).json.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await c.handler.get('/api/cases/assigned')).json.items).toMatchObject([{ id, overdue: true }]);
    // Answered late is no longer overdue.
    await act(c.handler, id, 'respond', { body: '已报销。' });
    expect((await c.rights.get('/api/cases?overdue=1')).json.items).toEqual([]);
  });

  it('counts the year without names, and exports it for the union only', async () => {
    const f = (await c.committee.get('/api/cases/figures')).json;
    expect(f).toMatchObject({ total: 3, open: 1, closed: 2, overdue: 0, explained: 2, explainedShare: 0.667, rated: 2, avgRating: 3, satisfiedShare: 0.5, medianDaysToClose: 0 });
    expect(f.byCategory).toEqual([
      { category: 'medical', total: 1, open: 1, closed: 0 },
      { category: 'schooling', total: 1, open: 0, closed: 1 },
      { category: 'title', total: 1, open: 0, closed: 1 },
    ]);
    expect(JSON.stringify(f)).not.toMatch(/林来信|何来信|孩子/);
    expect((await c.writer.get('/api/cases/figures')).status).toBe(403);
    expect((await c.committee.get('/api/cases/figures?year=1999')).status).toBe(422);

    const xlsx = await c.rights.get('/api/cases/export');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r.includes('孩子入学学位紧张') && r.includes('林来信') && r.includes('暂时无法解决'))).toBe(true);
    // The member's words stay in the case: the export has the title, not the content.
    expect(JSON.stringify(rows)).not.toContain('具体情况说明');
    expect((await c.committee.get('/api/cases/export')).status).toBe(403);
  });
});
