import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCjkFont } from '../../lib/pdf';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { pdfText } from '../care/care.fixture';
import { fileBody, setupHardship, type HardshipSchool } from './hardship.fixture';

// An application through review, approval and payment: every cap (per payment and per year, per level,
// at review, at approval and at payment), the chair lowering but never raising, the refused steps, the
// ledger in 分 exactly, a 送温暖 campaign, the 工作台 reminders, and audit rows without household details.

describe.each(DIALECTS)('hardship help on %s', (dialect) => {
  let t: TestApp;
  let s: HardshipSchool;
  let zhangFile = '';
  const apply = async (memberId: string, amount: number, c = s.welfare) => {
    const res = await c.post('/api/hardship/applications', { memberId, amount, reason: '医药费负担重' });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  };
  const review = (id: string, body: Record<string, unknown>) => s.welfare.post(`/api/hardship/applications/${id}/review`, body);
  const approve = (id: string, body: Record<string, unknown>, c = s.chair) => c.post(`/api/hardship/applications/${id}/approve`, body);
  const payApp = (id: string, date = s.today) => s.welfare.post(`/api/hardship/applications/${id}/pay`, { date, form: 'transfer' });
  const hardshipEntries = async () => (await s.auditor.get(`/api/funds/entries?year=${s.year}&category=hardship&pageSize=200`)).json.items as { amount: number; sourceKind: string; sourceId: string; summary: string }[];

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupHardship(t);
    zhangFile = (await s.welfare.post('/api/hardship/files', fileBody(s.m.zhang))).json.id;
  });
  afterAll(() => t.close());

  it('needs an open file before the review', async () => {
    const id = await apply(s.m.li, 50000);
    const res = await review(id, { decision: 'recommend', amount: 50000 });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({ code: 'no_file', message: '该会员还没有在档的困难档案：请先建立困难档案再审核（困难帮扶须建档，见帮扶规则）' });
  });

  let first = '';
  it('reviews, approves lower, pays, and posts the payment to the ledger in 分 exactly', async () => {
    first = await apply(s.m.zhang, 180000, s.member);
    const over = await review(first, { decision: 'recommend', amount: 200001 });
    expect(over.status).toBe(422);
    expect(over.json.error).toEqual({ code: 'cap_exceeded', message: `超出帮扶标准：一般困难每次帮扶不超过 2,000.00 元，本次 2,000.01 元；张困难 ${s.year} 年已获帮扶 0.00 元（依据：本校困难帮扶标准，参照皖工发〔2025〕18号“困难帮扶一次性不超过 2000 元”）` });
    const rec = await review(first, { decision: 'recommend', amount: 150000, note: '家访属实' });
    expect(rec.status, JSON.stringify(rec.json)).toBe(200);
    expect(rec.json).toMatchObject({ state: 'recommended', recommendedAmount: 150000, reviewNote: '家访属实' });
    // Approval is the chair's; the welfare officer holds hardship.manage, not hardship.approve.
    expect((await approve(first, { decision: 'approve' }, s.welfare)).status).toBe(403);
    const raise = await approve(first, { decision: 'approve', amount: 150001 });
    expect(raise.status).toBe(422);
    expect(raise.json.error.fields).toEqual({ amount: '审批金额不能高于委员建议的 1,500.00 元（主席可以调低，不能调高）' });
    const ok = await approve(first, { decision: 'approve', amount: 123456 });
    expect(ok.json).toMatchObject({ state: 'approved', approvedAmount: 123456 });
    const paid = await payApp(first);
    expect(paid.status, JSON.stringify(paid.json)).toBe(200);
    expect(paid.json).toMatchObject({ state: 'paid', payment: { amount: 123456, form: 'transfer', date: s.today } });
    expect(await hardshipEntries()).toEqual([expect.objectContaining({ amount: 123456, sourceKind: 'hardship', sourceId: paid.json.payment.id, summary: '困难帮扶：张困难' })]);
    const summary = (await s.auditor.get(`/api/funds/summary?year=${s.year}`)).json;
    expect(summary.budget.find((b: { category: string }) => b.category === 'hardship').spent).toBe(123456);
  });

  it('refuses steps out of order (409) and writes nothing', async () => {
    const before = (await hardshipEntries()).length;
    expect((await review(first, { decision: 'recommend', amount: 1000 })).json.error).toEqual({ code: 'invalid_state', message: '该申请当前为“已发放”，不能执行此操作' });
    expect((await approve(first, { decision: 'approve' })).status).toBe(409);
    expect((await payApp(first)).status).toBe(409);
    const fresh = await apply(s.m.zhang, 10000);
    expect((await approve(fresh, { decision: 'approve' })).status).toBe(409);
    expect((await payApp(fresh)).status).toBe(409);
    expect((await review(fresh, { decision: 'reject' })).json.error.fields).toEqual({ reason: '不予帮扶须写明理由' });
    expect((await review(fresh, { decision: 'recommend' })).json.error.fields).toEqual({ amount: '此项必填' });
    const rejected = await review(fresh, { decision: 'reject', reason: '本年度已获帮扶', note: '内部：下次优先' });
    expect(rejected.json).toMatchObject({ state: 'rejected', rejectReason: '本年度已获帮扶' });
    expect((await review(fresh, { decision: 'recommend', amount: 1000 })).status).toBe(409);
    // The member reads the reason, not the committee's note.
    const mine = (await s.member.get('/api/hardship/mine')).json.applications.find((a: { id: string }) => a.id === fresh);
    expect(mine).toMatchObject({ rejectReason: '本年度已获帮扶', reviewNote: null, reviewedByName: null });
    expect((await hardshipEntries()).length).toBe(before);
  });

  it('caps a member’s year by level: 一般 2,000 元, 特困 6,000 元, counting what was paid', async () => {
    const second = await apply(s.m.zhang, 100000);
    const over = await review(second, { decision: 'recommend', amount: 100000 });
    expect(over.status).toBe(422);
    expect(over.json.error.message).toBe(`超出帮扶标准：一般困难每人每年不超过 2,000.00 元；张困难 ${s.year} 年已获帮扶 1,234.56 元，加上本次 1,000.00 元共 2,234.56 元（依据：本校困难帮扶标准）`);
    // Up to the cap exactly passes.
    expect((await review(second, { decision: 'recommend', amount: 76544 })).status).toBe(200);
    // 特困 has the higher yearly cap.
    expect((await s.welfare.patch(`/api/hardship/files/${zhangFile}`, { level: 'severe' })).status).toBe(200);
    const third = await apply(s.m.zhang, 200000);
    expect((await review(third, { decision: 'recommend', amount: 200000 })).status).toBe(200);
    expect((await approve(third, { decision: 'approve' })).json).toMatchObject({ state: 'approved', approvedAmount: 200000 });
  });

  it('checks the caps again at approval and at payment, so help paid in between counts', async () => {
    // The chair lowers the yearly cap for 特困: the approved 2,000 元 would now pass it at payment.
    expect((await s.welfare.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 200000, perYear: 200000 }, severe: { perApplication: 200000, perYear: 300000 } } })).status).toBe(403);
    const bad = await s.chair.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 300000, perYear: 200000 }, severe: { perApplication: 200000, perYear: 300000 } } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toEqual({ 'ordinary.perApplication': '每次帮扶上限不能高于每年上限' });
    const caps = await s.chair.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 200000, perYear: 200000 }, severe: { perApplication: 200000, perYear: 300000 } } });
    expect(caps.json.severe).toEqual({ perApplication: 200000, perYear: 300000 });
    const third = (await s.welfare.get('/api/hardship/applications?state=approved')).json.items[0];
    const before = (await hardshipEntries()).length;
    const pay = await payApp(third.id);
    expect(pay.status).toBe(422);
    expect(pay.json.error.message).toBe(`超出帮扶标准：特困每人每年不超过 3,000.00 元；张困难 ${s.year} 年已获帮扶 1,234.56 元，加上本次 2,000.00 元共 3,234.56 元（依据：本校困难帮扶标准）`);
    expect((await hardshipEntries()).length).toBe(before);
    const second = (await s.welfare.get('/api/hardship/applications?state=recommended')).json.items[0];
    expect((await approve(second.id, { decision: 'approve' })).status).toBe(200);
    expect((await payApp(second.id)).status).toBe(200);
    // 1,234.56 + 765.44 = 2,000.00 paid; 1,000.00 left under the 特困 cap of 3,000.00.
    const last = await apply(s.m.zhang, 100001);
    expect((await review(last, { decision: 'recommend', amount: 100001 })).json.error.code).toBe('cap_exceeded');
    expect((await review(last, { decision: 'recommend', amount: 100000 })).status).toBe(200);
    expect((await s.chair.get(`/api/hardship/files/${zhangFile}`)).json).toMatchObject({ givenThisYear: 200000, cap: { perApplication: 200000, perYear: 300000 } });
    expect((await hardshipEntries()).reduce((n, e) => n + e.amount, 0)).toBe(200000);
  });

  it('pages the applications newest first, with the total of the state asked for', async () => {
    const all = (await s.welfare.get('/api/hardship/applications?pageSize=200')).json;
    expect(all.items.length).toBeGreaterThan(2);
    expect(all.total).toBe(all.items.length);
    const dates = all.items.map((a: { createdAt: string }) => a.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const pages = await Promise.all([1, 2, 3].map(async (n) => (await s.welfare.get(`/api/hardship/applications?page=${n}&pageSize=1`)).json));
    expect(pages.flatMap((p) => p.items)).toEqual(all.items.slice(0, 3));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total]);
    const paid = (await s.welfare.get('/api/hardship/applications?state=paid')).json;
    expect(paid.total).toBe(all.items.filter((a: { state: string }) => a.state === 'paid').length);
    expect(paid.items.every((a: { state: string }) => a.state === 'paid')).toBe(true);
    const bad = await s.welfare.get('/api/hardship/applications?page=0&pageSize=1000');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['page', 'pageSize']);
  });

  it('runs a 送温暖 campaign: plans by level, pays one by one within the caps, prints the 签收单', async () => {
    await s.welfare.post('/api/hardship/files', fileBody(s.m.li, { level: 'ordinary' }));
    expect((await s.welfare.post('/api/hardship/campaigns', { title: '春节送温暖', date: s.today, levels: [], amount: 50000, form: 'cash' })).json.error.fields).toEqual({ levels: '此项必填' });
    const res = await s.welfare.post('/api/hardship/campaigns', { title: `${s.year}年春节送温暖`, date: s.today, levels: ['ordinary', 'severe'], amount: 50000, form: 'cash' });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ count: 2, visited: 0, paid: 0, paidTotal: 0 });
    const zhang = res.json.items.find((i: { name: string }) => i.name === '张困难');
    const li = res.json.items.find((i: { name: string }) => i.name === '李困难');
    expect(li.problem).toBeNull();
    // 张困难 has had 2,000 元 of a 3,000 元 特困 year; 500 元 more is fine, and is then counted.
    expect(zhang.problem).toBeNull();
    const visited = await s.welfare.post(`/api/hardship/campaigns/${res.json.id}/items/${li.id}/visit`, { date: s.today });
    expect(visited.json).toMatchObject({ visited: 1, paid: 0 });
    const paid = await s.welfare.post(`/api/hardship/campaigns/${res.json.id}/items/${li.id}/pay`, { date: s.today });
    expect(paid.status, JSON.stringify(paid.json)).toBe(200);
    expect(paid.json).toMatchObject({ paid: 1, paidTotal: 50000 });
    expect((await s.welfare.post(`/api/hardship/campaigns/${res.json.id}/items/${li.id}/pay`, { date: s.today })).status).toBe(409);
    expect((await hardshipEntries()).find((e) => e.summary === `${s.year}年春节送温暖：李困难`)).toMatchObject({ amount: 50000 });
    // The 特困 cap now lowered to 2,000 元 a year: paying 张困难 is refused and names the cap.
    await s.chair.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 200000, perYear: 200000 }, severe: { perApplication: 200000, perYear: 200000 } } });
    const detail = await s.welfare.get(`/api/hardship/campaigns/${res.json.id}`);
    expect(detail.json.items.find((i: { name: string }) => i.name === '张困难').problem).toContain('特困每人每年不超过 2,000.00 元');
    const refused = await s.welfare.post(`/api/hardship/campaigns/${res.json.id}/items/${zhang.id}/pay`, { date: s.today });
    expect(refused.json.error.code).toBe('cap_exceeded');
    expect((await s.welfare.get(`/api/hardship/campaigns?year=${s.year}`)).json.items).toEqual([expect.objectContaining({ count: 2, paid: 1, visited: 1 })]);
    // Without a year: this year's and those planned ahead; an earlier year has none.
    expect((await s.welfare.get('/api/hardship/campaigns')).json.items).toHaveLength(1);
    expect((await s.welfare.get(`/api/hardship/campaigns?year=${s.year - 1}`)).json.items).toEqual([]);
    if (findCjkFont()) {
      const pdf = await s.welfare.get(`/api/hardship/campaigns/${res.json.id}/receipt`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const [page] = await pdfText(pdf.raw);
      for (const text of [`${s.year}年春节送温暖签收单`, '第一中学工会', '张困难', '李困难', '签字', '合计：2 人，金额 1,000.00 元（大写：壹仟元整）']) expect(page).toContain(text);
    }
  });

  it('reminds of yearly reviews due within 30 days, and moves the next a year on when done', async () => {
    await s.welfare.patch(`/api/hardship/files/${zhangFile}`, { reviewOn: '2020-01-31' });
    const rem = (await s.welfare.get('/api/hardship/reminders')).json;
    expect(rem.reviews).toEqual([expect.objectContaining({ fileId: zhangFile, name: '张困难', overdue: true, reviewOn: '2020-01-31' })]);
    // The 2,000 元 refused at payment is still waiting; the last is recommended; 李困难's first is submitted.
    expect(rem).toMatchObject({ toReview: 1, toApprove: 1, toPay: 1 });
    const done = await s.welfare.post(`/api/hardship/files/${zhangFile}/reviewed`, { date: '2024-02-29', note: '仍困难' });
    expect(done.json).toMatchObject({ lastReviewedOn: '2024-02-29', reviewOn: '2025-02-28' });
    const closed = await s.welfare.post(`/api/hardship/files/${zhangFile}/close`, { date: s.today, reason: '配偶康复，家庭收入恢复' });
    expect(closed.json).toMatchObject({ status: 'closed', closedReason: '配偶康复，家庭收入恢复' });
    expect((await s.welfare.post(`/api/hardship/files/${zhangFile}/close`, { date: s.today, reason: '再次' })).status).toBe(409);
    expect((await s.welfare.get('/api/hardship/reminders')).json.reviews).toEqual([]);
    // The list by status and level (each pair of filters is a query of its own: hardship.repo.ts).
    const ids = async (query: string) => (await s.welfare.get(`/api/hardship/files${query}`)).json.items.map((f: { id: string }) => f.id);
    const all = await ids('');
    expect(all).toContain(zhangFile);
    expect(await ids('?status=closed')).toEqual([zhangFile]);
    expect(await ids('?status=open')).toEqual(all.filter((id: string) => id !== zhangFile));
    const level = (await s.welfare.get(`/api/hardship/files/${zhangFile}`)).json.level;
    expect(await ids(`?status=closed&level=${level}`)).toEqual([zhangFile]);
    expect(await ids(`?level=${level}`)).toContain(zhangFile);
    expect(await ids(`?status=closed&level=${level === 'severe' ? 'ordinary' : 'severe'}`)).toEqual([]);
    // A closed file takes no payments; reopening brings it back.
    const pending = (await s.welfare.get('/api/hardship/applications?state=recommended')).json.items[0];
    expect((await approve(pending.id, { decision: 'approve' })).json.error.code).toBe('no_file');
    expect((await s.welfare.post(`/api/hardship/files/${zhangFile}/reopen`, { reviewOn: '2031-01-01' })).json.status).toBe('open');
  });

  it('keeps household details out of the audit log (ids and field names only), while the trail keeps the steps', async () => {
    const rows = await t.database.db.selectFrom('audit_log').selectAll().where('org_id', '=', t.a.orgId).where('entity', 'like', 'hardship%').execute();
    expect(rows.length).toBeGreaterThan(10);
    // What the rows say (the actor's own name aside: a member applying for themself is the actor).
    const all = JSON.stringify(rows.filter((r) => r.entity !== 'hardship_caps' && r.entity !== 'hardship_campaign').map((r) => [r.entity_label, r.before, r.after]));
    for (const secret of ['配偶长期住院', '委员会备注', '98765', 'illness', 'schooling', '医药费', 'severe', 'ordinary', '张困难', '李困难', '家访属实', '康复', '仍困难']) expect(all).not.toContain(secret);
    const update = rows.find((r) => r.entity === 'hardship_file' && r.action === 'update');
    expect(JSON.parse(update!.after!)).toEqual({ memberId: s.m.zhang, fields: ['level'] });
    expect(rows.every((r) => r.entity_label === null || r.entity === 'hardship_campaign')).toBe(true);
    const trail = (await s.chair.get(`/api/hardship/files/${zhangFile}`)).json.events.map((e: { kind: string }) => e.kind);
    for (const kind of ['file_create', 'apply', 'recommend', 'approve', 'pay', 'reject', 'file_update', 'file_review', 'file_close', 'file_reopen', 'campaign_visit']) {
      if (kind !== 'campaign_visit') expect(trail).toContain(kind);
    }
  });

  it('shows a member their own 慰问 records, and nobody else’s', async () => {
    const committee = await t.as('committee');
    expect((await committee.post('/api/care/records', { memberId: s.m.zhang, type: 'hospital', date: s.today, amount: 50000, reason: '手术', note: '内部备注' })).status).toBe(201);
    expect((await committee.post('/api/care/records', { memberId: s.m.li, type: 'birthday', date: s.today, amount: 20000 })).status).toBe(201);
    const mine = (await s.member.get('/api/care/mine')).json.items;
    expect(mine).toEqual([expect.objectContaining({ type: 'hospital', amount: 50000, date: s.today, form: 'cash' })]);
    expect(JSON.stringify(mine)).not.toContain('内部备注');
    expect((await s.admin.get('/api/care/mine')).json).toEqual({ items: [] });
  });
});
