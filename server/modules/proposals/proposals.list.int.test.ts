import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { readSheet } from '../../test/roster';
import { schoolYearOf } from './proposals.stats';
import { setupCast, shiftDate, submitted, today, type Cast } from './proposals.fixture';

// A known set of proposals, then: the figures computed exactly, who sees which proposal (and nobody
// another school's), list filters and search, overdue detection, and the .xlsx and .docx exports.

describe.each(DIALECTS)('proposal lists, figures and exports on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  const id: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'draft', string> = {} as never;

  const assign = (pid: string, department: string, handlerUserId: string) =>
    c.chair.post(`/api/proposals/${pid}/assign`, { department, handlerUserId, deadline: shiftDate(today(), 7) });
  const titles = (res: { json: { items: { title: string }[] } }) => res.json.items.map((p) => p.title).sort();

  beforeAll(async () => {
    t = await makeApp(dialect);
    c = await setupCast(t);
    // A: 总务处, replied, 满意. B: 总务处, replied, not rated. C: 教务处 (handler2), 不满意 twice.
    // D: 立案, not assigned. E: 不予立案. Plus a draft, which counts nowhere.
    id.A = await submitted(c, '食堂晚餐延时', { category: 'logistics' });
    id.B = await submitted(c, '修缮教师宿舍', { category: 'logistics', reasons: '宿舍屋顶漏雨' });
    id.C = await submitted(c, '减少非教学检查', { category: 'teaching' });
    id.D = await submitted(c, '增加教研经费', { category: 'teaching' });
    id.E = await submitted(c, '提高班主任津贴', { category: 'welfare' });
    id.draft = (await c.proposer.post('/api/proposals', { sessionId: c.sessionId, title: '草稿不计数', reasons: '理由', measures: '建议', category: 'other' })).json.id;
    await c.chair.post('/api/proposals/decisions', { ids: [id.A, id.B, id.C, id.D], decision: 'accepted', publish: true });
    await c.chair.post(`/api/proposals/${id.E}/decision`, { decision: 'rejected', reason: '津贴标准由上级规定', publish: true });
    await assign(id.A, '总务处', c.u.handler);
    await assign(id.B, '总务处', c.u.handler);
    await assign(id.C, '教务处', c.u.handler2);
    await c.handler.post(`/api/proposals/${id.A}/reply`, { class: 'A', content: '食堂晚餐已延长至21点' });
    await c.proposer.post(`/api/proposals/${id.A}/rating`, { rating: 'satisfied' });
    await c.handler.post(`/api/proposals/${id.B}/reply`, { class: 'B', content: '暑假期间维修屋顶', plannedDate: '2026-07-15' });
    for (let round = 0; round < 2; round++) {
      await c.handler2.post(`/api/proposals/${id.C}/reply`, { class: 'C', content: '检查由教育局安排', explanation: '学校无权取消' });
      await c.proposer.post(`/api/proposals/${id.C}/rating`, { rating: 'unsatisfied' });
    }
  });
  afterAll(() => t.close());

  it('computes the figures exactly: 5 submitted, 4 立案 (80%), 3 of 4 done, 1 of 2 satisfied', async () => {
    const res = await c.chair.get(`/api/proposals/stats?sessionId=${c.sessionId}`);
    expect(res.status).toBe(200);
    expect(res.json.total).toEqual({ submitted: 5, accepted: 4, acceptedRate: 0.8, done: 3, doneRate: 0.75, rated: 2, satisfied: 1, satisfactionRate: 0.5 });
    expect(res.json.byCategory).toEqual([
      { category: 'teaching', label: '教育教学', submitted: 2, accepted: 2, acceptedRate: 1, done: 1, doneRate: 0.5, rated: 1, satisfied: 0, satisfactionRate: 0 },
      { category: 'welfare', label: '福利待遇', submitted: 1, accepted: 0, acceptedRate: 0, done: 0, doneRate: null, rated: 0, satisfied: 0, satisfactionRate: null },
      { category: 'logistics', label: '后勤保障', submitted: 2, accepted: 2, acceptedRate: 1, done: 2, doneRate: 1, rated: 1, satisfied: 1, satisfactionRate: 1 },
    ]);
    expect(res.json.byDepartment.map((d: { department: string; submitted: number; done: number; satisfactionRate: number }) => [d.department, d.submitted, d.done, d.satisfactionRate])).toEqual([
      ['总务处', 2, 2, 1],
      ['教务处', 1, 1, 0],
    ].sort());
  });

  it('counts by 学年 (Sept–Aug) in the school’s time zone, the current one by default', async () => {
    const year = schoolYearOf(today());
    expect((await c.chair.get('/api/proposals/stats')).json).toMatchObject({ period: { schoolYear: year }, total: { submitted: 5, accepted: 4 } });
    expect((await c.committee.get(`/api/proposals/stats?schoolYear=${year - 1}`)).json.total.submitted).toBe(0);
    const move = (at: string) => t.database.db.updateTable('proposals').set({ submitted_at: at }).where('id', '=', id.E).execute();
    try {
      await move(`${year}-08-31T15:59:00.000Z`); // 23:59 on 31 August in Shanghai: the previous 学年
      expect((await c.chair.get(`/api/proposals/stats?schoolYear=${year - 1}`)).json.total.submitted).toBe(1);
      expect((await c.chair.get(`/api/proposals/stats?schoolYear=${year}`)).json.total).toMatchObject({ submitted: 4, accepted: 4, acceptedRate: 1 });
      await move(`${year}-08-31T16:00:00.000Z`); // midnight, 1 September in Shanghai
      expect((await c.chair.get(`/api/proposals/stats?schoolYear=${year}`)).json.total.submitted).toBe(5);
    } finally {
      await move(new Date().toISOString());
    }
    for (const who of [c.proposer, c.handler]) expect((await who.get('/api/proposals/stats')).status).toBe(403);
  });

  it('shows each person only the proposals they take part in; the committee sees all', async () => {
    expect(titles(await c.chair.get('/api/proposals?pageSize=50'))).toHaveLength(6);
    expect(titles(await c.proposer.get('/api/proposals?pageSize=50'))).toHaveLength(6);
    expect(titles(await c.handler.get('/api/proposals'))).toEqual(['修缮教师宿舍', '食堂晚餐延时'].sort());
    expect(titles(await c.handler2.get('/api/proposals'))).toEqual(['减少非教学检查']);
    // A co-signer sees what they co-signed.
    expect(titles(await c.c1.get('/api/proposals?pageSize=50'))).toEqual(['减少非教学检查', '提高班主任津贴', '增加教研经费', '修缮教师宿舍', '食堂晚餐延时'].sort());
    expect((await c.outsider.get('/api/proposals')).json).toEqual({ items: [], total: 0 });
    expect((await c.c3.get('/api/proposals')).json.total).toBe(0);
    for (const [who, pid] of [[c.handler, id.C], [c.handler2, id.A], [c.handler, id.D], [c.outsider, id.A], [c.c3, id.B], [c.c1, id.draft]] as [Client, string][]) {
      const res = await who.get(`/api/proposals/${pid}`);
      expect(res.status).toBe(404);
      expect(res.json.error).toEqual({ code: 'not_found', message: '提案不存在' });
    }
    expect((await c.c1.get(`/api/proposals/${id.A}`)).status).toBe(200);
  });

  it("answers 404 to another school on every proposal route, even its committee, and lists none of school A's", async () => {
    const b = await t.as('admin', t.b);
    const bChair = await t.as('chair', t.b);
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/proposals/:id') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const r of routes) {
      const res = await b.request(r.method as 'GET', r.url.replace(':id', id.A), ['POST', 'PATCH'].includes(r.method) ? { body: {} } : {});
      expect(res.status, `${r.method} ${r.url}`).toBe(404);
    }
    expect((await bChair.get('/api/proposals')).json.total).toBe(0);
    expect((await bChair.get('/api/proposals/stats')).json.total.submitted).toBe(0);
    expect((await b.post('/api/proposals/decisions', { ids: [id.D], decision: 'rejected', reason: '越权' })).status).toBe(404);
    expect((await b.request('PUT', '/api/proposal-windows', { body: { sessionId: c.sessionId, opensOn: today(), closesOn: today() } })).status).toBe(422);
    expect((await c.chair.get(`/api/proposals/${id.D}`)).json).toMatchObject({ state: 'accepted', draftDecision: null });
  });

  it('filters by state, category, department, session, proposer, and searches title and content', async () => {
    const q = async (query: string) => titles(await c.chair.get(`/api/proposals?pageSize=50&${query}`));
    expect(await q('state=closed')).toEqual(['减少非教学检查', '食堂晚餐延时'].sort());
    expect(await q('category=welfare')).toEqual(['提高班主任津贴']);
    expect(await q(`department=${encodeURIComponent('教务处')}`)).toEqual(['减少非教学检查']);
    expect(await q(`sessionId=${c.sessionId}&state=draft`)).toEqual(['草稿不计数']);
    expect(await q('sessionId=other')).toEqual([]);
    expect(await q(`proposerId=${c.m.proposer}`)).toHaveLength(6);
    expect(await q(`proposerId=${c.m.c1}`)).toEqual([]);
    expect(await q(`q=${encodeURIComponent('漏雨')}`)).toEqual(['修缮教师宿舍']);
    expect(await q(`q=${encodeURIComponent('津贴')}`)).toEqual(['提高班主任津贴']);
    const page = await c.chair.get('/api/proposals?pageSize=2&page=2');
    expect(page.json.total).toBe(6);
    expect(page.json.items).toHaveLength(2);
    expect((await c.chair.get('/api/proposals?state=lost')).status).toBe(422);
  });

  it('detects overdue proposals: assigned, deadline passed, not replied', async () => {
    const late = await submitted(c, '逾期未答复');
    await c.chair.post(`/api/proposals/${late}/decision`, { decision: 'accepted', publish: true });
    await assign(late, '总务处', c.u.handler);
    expect((await c.chair.get('/api/proposals?overdue=1')).json.total).toBe(0);
    await t.database.db.updateTable('proposals').set({ deadline: shiftDate(today(), -1) }).where('id', '=', late).execute();
    // B has a past-looking history but is replied; only the unreplied one is overdue.
    await t.database.db.updateTable('proposals').set({ deadline: shiftDate(today(), -3) }).where('id', '=', id.B).execute();
    const res = await c.chair.get('/api/proposals?overdue=1');
    expect(res.json.items.map((p: { title: string; overdue: boolean }) => [p.title, p.overdue])).toEqual([['逾期未答复', true]]);
    expect((await c.handler.get(`/api/proposals/${late}`)).json.overdue).toBe(true);
    expect((await c.handler.get(`/api/proposals/${id.B}`)).json.overdue).toBe(false);
    await c.handler.post(`/api/proposals/${late}/reply`, { class: 'A', content: '已办' });
    expect((await c.chair.get('/api/proposals?overdue=1')).json.total).toBe(0);
  });

  it('exports the list as .xlsx', async () => {
    const res = await c.chair.get(`/api/proposals/export?sessionId=${c.sessionId}&category=logistics`);
    expect(res.status).toBe(200);
    const rows = await readSheet(res.raw);
    expect(rows[0].slice(0, 6)).toEqual(['编号', '案由', '会议', '提案人', '类别', '状态']);
    expect(rows.slice(1).map((r) => [r[1], r[4], r[5], r[6], r[10], r[11]])).toEqual([
      ['食堂晚餐延时', '后勤保障', '已办结', '总务处', 'A 已解决', '满意'],
      ['修缮教师宿舍', '后勤保障', '已答复', '总务处', 'B 列入计划解决', null],
      ['逾期未答复', '后勤保障', '已答复', '总务处', 'A 已解决', null],
    ]);
    expect((await c.proposer.get('/api/proposals/export')).status).toBe(403);
  });

  it('exports the 提案汇编 .docx with every 立案 proposal and its replies, in a CJK font', async () => {
    const res = await c.chair.get(`/api/proposals/compilation?sessionId=${c.sessionId}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.raw);
    const text = await zip.file('word/document.xml')!.async('string');
    for (const s of ['教职工代表大会提案汇编', '食堂晚餐延时', '食堂晚餐已延长至21点', '修缮教师宿舍', '暑假期间维修屋顶', '2026-07-15', '减少非教学检查', '第二次答复', '学校无权取消', '增加教研经费', '尚未答复', '王附议']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('提高班主任津贴');
    expect(text).not.toContain('草稿不计数');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
    expect((await c.handler.get('/api/proposals/compilation')).status).toBe(403);
  });

  it('counts proposals per state within the caller’s scope and the other filters', async () => {
    const all = await c.chair.get('/api/proposals/counts');
    expect(all.status).toBe(200);
    expect(all.json).toEqual({
      total: 7,
      byState: { draft: 1, submitted: 0, accepted: 1, merged: 0, converted: 0, rejected: 1, assigned: 0, replied: 2, closed: 2 },
      overdue: 0,
    });
    expect((await c.chair.get('/api/proposals/counts?category=logistics')).json).toMatchObject({ total: 3, byState: { replied: 2, closed: 1 } });
    expect((await c.chair.get(`/api/proposals/counts?q=${encodeURIComponent('津贴')}`)).json).toMatchObject({ total: 1, byState: { rejected: 1 } });
    // A handler counts only what is assigned to them; someone with no part in any proposal counts nothing.
    expect((await c.handler.get('/api/proposals/counts')).json).toMatchObject({ total: 3, byState: { replied: 2, closed: 1 } });
    expect((await c.handler2.get('/api/proposals/counts')).json).toMatchObject({ total: 1, byState: { closed: 1 } });
    expect((await c.outsider.get('/api/proposals/counts')).json.total).toBe(0);
    expect((await (await t.as('chair', t.b)).get('/api/proposals/counts')).json.total).toBe(0);
    const late = (await c.chair.get(`/api/proposals?q=${encodeURIComponent('逾期未答复')}`)).json.items[0].id;
    await t.database.db.updateTable('proposals').set({ state: 'assigned', deadline: shiftDate(today(), -1) }).where('id', '=', late).execute();
    try {
      expect((await c.chair.get('/api/proposals/counts')).json).toMatchObject({ overdue: 1, byState: { assigned: 1 } });
      expect((await c.handler.get('/api/proposals/counts')).json.overdue).toBe(1);
      expect((await c.handler2.get('/api/proposals/counts')).json.overdue).toBe(0);
    } finally {
      await t.database.db.updateTable('proposals').set({ state: 'replied' }).where('id', '=', late).execute();
    }
  });

  it('searches without regard to case on both databases, taking % and _ literally', async () => {
    const mixed = await submitted(c, 'WiFi 信号覆盖 Teaching_Building', { reasons: '办公室 Wi-Fi 100% 断线' });
    const q = async (text: string) => (await c.chair.get(`/api/proposals?pageSize=50&q=${encodeURIComponent(text)}`)).json.items.map((p: { id: string }) => p.id);
    for (const text of ['wifi', 'WIFI', 'WiFi', 'teaching_building', 'wi-fi', '100%']) expect(await q(text), text).toEqual([mixed]);
    // % and _ are not wildcards: "100%断" does not match "100% 断", "wi_fi" does not match "Wi-Fi".
    expect(await q('100%断')).toEqual([]);
    expect(await q('wi_fi')).toEqual([]);
    expect(await q('%')).toEqual([mixed]);
    expect((await c.chair.get(`/api/proposals/counts?q=${encodeURIComponent('WIFI')}`)).json.total).toBe(1);
  });

  it('writes the 提案办理情况报告 .docx with the figures, by category and department, and each 立案 proposal', async () => {
    const res = await c.chair.get(`/api/proposals/report?sessionId=${c.sessionId}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('提案办理情况报告'));
    const zip = await JSZip.loadAsync(res.raw);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const code = async (title: string) => (await c.chair.get(`/api/proposals?q=${encodeURIComponent(title)}`)).json.items[0].code as string;
    for (const s of [
      '教职工代表大会提案办理情况报告',
      '第五届第二次会议',
      // The fixture's figures (see the first test), plus the proposals the later tests added.
      '立案率',
      '办结率',
      '满意率',
      '不予立案 1 件',
      '满意 1 件',
      '不满意 1 件',
      '教育教学',
      '后勤保障',
      '总务处',
      '教务处',
      `${await code('食堂晚餐延时')}食堂晚餐延时总务处A 已解决满意`,
      `${await code('减少非教学检查')}减少非教学检查教务处C 暂不能解决不满意`,
      `${await code('增加教研经费')}增加教研经费未交办尚未答复未评价`,
    ]) {
      expect(text, s).toContain(s);
    }
    const stats = (await c.chair.get(`/api/proposals/stats?sessionId=${c.sessionId}`)).json.total;
    expect(text).toContain(`本期共收到提案 ${stats.submitted} 件。经提案工作委员会审查，立案 ${stats.accepted} 件，立案率 ${(stats.acceptedRate * 100).toFixed(1)}%`);
    expect(text).toContain(`满意率 ${(stats.satisfactionRate * 100).toFixed(1)}%`);
    expect(text).not.toContain('提高班主任津贴');
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
    expect((await c.handler.get('/api/proposals/report')).status).toBe(403);
    expect((await c.chair.get('/api/proposals/report?sessionId=nope')).status).toBe(422);
  });

  it('keeps reply and decision templates per school: the committee edits, handlers read', async () => {
    const created = await c.chair.post('/api/proposal-templates', { kind: 'decision', name: '个人诉求', body: '属于个人诉求，建议通过权益诉求渠道反映。' });
    expect(created.status).toBe(201);
    const tid = created.json.id;
    expect((await c.committee.patch(`/api/proposal-templates/${tid}`, { name: '个人诉求（转）' })).json.name).toBe('个人诉求（转）');
    expect((await c.handler.get('/api/proposal-templates?kind=decision')).json.items.map((x: { name: string }) => x.name)).toEqual(['个人诉求（转）']);
    expect((await c.handler.post('/api/proposal-templates', { kind: 'reply', name: 'x', body: 'y' })).status).toBe(403);
    expect((await c.proposer.get('/api/proposal-templates')).status).toBe(403);
    const b = await t.as('admin', t.b);
    expect((await b.patch(`/api/proposal-templates/${tid}`, { name: '越权' })).status).toBe(404);
    expect((await b.get('/api/proposal-templates')).json.total).toBe(0);
    expect((await c.chair.del(`/api/proposal-templates/${tid}`)).status).toBe(204);
    expect((await c.chair.get('/api/proposal-templates')).json.total).toBe(0);
  });
});
