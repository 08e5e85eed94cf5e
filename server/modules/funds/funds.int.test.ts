import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { readSheet } from '../../test/roster';
import { setupCare, type CareSchool } from '../care/care.fixture';
import { ledger } from './funds.ledger';

// 工会经费: budgets per category, entries by hand with a 凭证号 unique per year, reversals, the summary
// (opening, income, spending, balance, budget use), automatic posts from 慰问 (and the door 帮扶 will
// use), the read-only 经费审查 auditor, and the .xlsx export read back.

describe.each(DIALECTS)('fund ledger on %s', (dialect) => {
  let t: TestApp;
  let s: CareSchool;
  const entry = (extra: Record<string, unknown>) => ({ direction: 'income', category: 'allocation', date: '2025-01-10', amount: 5000000, voucherNo: 'J-001', summary: '2025年拨缴经费', ...extra });

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupCare(t);
  });
  afterAll(() => t.close());

  it('sets a yearly budget per category (chair or treasurer) and shows its use', async () => {
    const res = await s.treasurer.request('PUT', '/api/funds/budgets', { body: { year: 2025, items: { care: 3000000, hardship: 1000000, activities: 2000000, training: 500000, other: 0 } } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.budgetTotal).toBe(6500000);
    expect(res.json.budget.find((b: { category: string }) => b.category === 'other')).toEqual({ category: 'other', budget: 0, spent: 0, remaining: 0, usePct: null });
    const bad = await s.chair.request('PUT', '/api/funds/budgets', { body: { year: 2025, items: { care: -1, hardship: 0, activities: 0, training: 0, other: 0 } } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toEqual({ 'items.care': '格式不正确' });
  });

  it('takes entries by hand with a voucher number unique within the year', async () => {
    expect((await s.treasurer.post('/api/funds/entries', entry({}))).status).toBe(201);
    expect((await s.treasurer.post('/api/funds/entries', entry({ voucherNo: 'C-001', category: 'carry_over' }))).json.error.fields).toEqual({ category: '不是允许的选项' });
    const clash = await s.chair.post('/api/funds/entries', entry({ amount: 1 }));
    expect(clash.status).toBe(409);
    expect(clash.json.error).toEqual({ code: 'voucher_taken', message: '凭证号 J-001 在 2025 年已使用', fields: { voucherNo: '凭证号 J-001 在 2025 年已使用' } });
    expect((await s.chair.post('/api/funds/entries', entry({ date: '2024-12-20', voucherNo: 'J-001', amount: 123456, summary: '2024年会费' , category: 'dues' }))).status).toBe(201);
    const wrongSide = await s.chair.post('/api/funds/entries', entry({ direction: 'expense', voucherNo: 'Z-9' }));
    expect(wrongSide.json.error.fields).toEqual({ category: '类别与收支方向不符' });
    const spend = await s.treasurer.post('/api/funds/entries', entry({ direction: 'expense', category: 'activities', date: '2025-05-04', amount: 86050, voucherNo: 'Z-001', summary: '青年教师篮球赛' }));
    expect(spend.status).toBe(201);
    expect(spend.json).toMatchObject({ sourceKind: 'manual', voucherNo: 'Z-001', amount: 86050, createdByName: expect.any(String) });
    const audit = (await s.admin.get(`/api/audit?entityId=${spend.json.id}`)).json.items;
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'fund_entry' });
  });

  it('posts care payments automatically and keeps the 经费审查 auditor to reading', async () => {
    expect((await s.committee.post('/api/care/records', { memberId: s.m.zhang, type: 'hospital', date: '2025-03-02', amount: 150000, reason: '肺炎' })).status).toBe(201);
    expect((await s.committee.post('/api/care/batches', { festival: 'mid_autumn', date: '2025-10-06', scope: 'retirees', amount: 20000, item: '月饼' })).status).toBe(201);
    const summary = (await s.auditor.get('/api/funds/summary?year=2025')).json;
    expect(summary).toMatchObject({ year: 2025, opening: 123456, income: 5000000, expense: 86050 + 150000 + 60000, balance: 123456 + 5000000 - 296050 });
    expect(summary.budget.find((b: { category: string }) => b.category === 'care')).toEqual({ category: 'care', budget: 3000000, spent: 210000, remaining: 2790000, usePct: 7 });
    for (const [method, url, body] of [['POST', '/api/funds/entries', entry({ voucherNo: 'A-1' })], ['PUT', '/api/funds/budgets', { year: 2025, items: {} }], ['POST', '/api/care/records', {}]] as const) {
      expect((await s.auditor.request(method, url, { body })).status, url).toBe(403);
    }
    expect((await s.auditor.get('/api/care/records')).status).toBe(200);
  });

  it('gives hardship help one call into the ledger, in the payment’s own transaction', async () => {
    await t.database.db.transaction().execute((trx) => ledger.post(trx, t.a.orgId, { category: 'hardship', amount: 200000, sourceKind: 'hardship', sourceId: 'case-1', date: '2025-12-01', note: '困难帮扶：李慰问' }));
    // A payment that fails takes its ledger entry with it.
    await expect(t.database.db.transaction().execute(async (trx) => {
      await ledger.post(trx, t.a.orgId, { category: 'hardship', amount: 999, sourceKind: 'hardship', sourceId: 'case-2', date: '2025-12-02', note: '失败的帮扶' });
      throw new Error('payment failed');
    })).rejects.toThrow('payment failed');
    const s2025 = (await s.auditor.get('/api/funds/summary?year=2025')).json;
    expect(s2025.budget.find((b: { category: string }) => b.category === 'hardship').spent).toBe(200000);
    const hardship = (await s.auditor.get('/api/funds/entries?year=2025&category=hardship')).json;
    expect(hardship.items).toEqual([expect.objectContaining({ sourceKind: 'hardship', sourceId: 'case-1', amount: 200000 })]);
    expect((await s.auditor.get('/api/funds/entries?year=2025&direction=expense&category=hardship')).json.items).toEqual(hardship.items);
    const count = async (query: string) => (await s.auditor.get(`/api/funds/entries?year=2025&pageSize=1${query}`)).json.total as number;
    expect((await count('&direction=income')) + (await count('&direction=expense'))).toBe(await count(''));
  });

  it('reverses an entry made by hand once, and refuses to reverse automatic ones', async () => {
    const items = (await s.auditor.get('/api/funds/entries?year=2025&pageSize=200')).json.items as { id: string; voucherNo: string; sourceKind: string }[];
    const manual = items.find((e) => e.voucherNo === 'Z-001')!;
    const before = (await s.auditor.get('/api/funds/summary?year=2025')).json.expense;
    const res = await s.chair.post(`/api/funds/entries/${manual.id}/reverse`, { reason: '活动取消，款项退回' });
    expect(res.status).toBe(200);
    expect(res.json.reversed).toBe(true);
    expect((await s.auditor.get('/api/funds/summary?year=2025')).json.expense).toBe(before - 86050);
    expect((await s.chair.post(`/api/funds/entries/${manual.id}/reverse`, { reason: '再冲' })).status).toBe(409);
    const auto = items.find((e) => e.sourceKind === 'care')!;
    const refused = await s.chair.post(`/api/funds/entries/${auto.id}/reverse`, { reason: '不行' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual({ id: '只能冲销手工录入的账目；慰问支出请作废对应的慰问记录' });
  });

  it('keeps the ledger’s care spending equal to the care records behind it, year by year', async () => {
    for (const year of [2025, 2026]) {
      const records = (await s.auditor.get(`/api/care/records?year=${year}&pageSize=200`)).json.items as { amount: number; voidedAt: string | null }[];
      const spent = (await s.auditor.get(`/api/funds/summary?year=${year}`)).json.budget.find((b: { category: string }) => b.category === 'care').spent;
      expect(spent, String(year)).toBe(records.filter((r) => !r.voidedAt).reduce((n, r) => n + r.amount, 0));
    }
  });

  it('exports the year as .xlsx whose totals match the summary', async () => {
    const res = await s.auditor.get('/api/funds/export?year=2025');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('第一中学工会经费收支-2025年.xlsx');
    const summary = (await s.auditor.get('/api/funds/summary?year=2025')).json;
    const entries = await readSheet(res.raw, 0);
    expect(entries[0]).toEqual(['日期', '凭证号', '收支', '类别', '摘要', '金额（元）', '来源', '经办人']);
    const body = entries.slice(1).filter((r) => r[0] !== null);
    const fen = (rows: typeof body, side: string) => Math.round(rows.filter((r) => r[2] === side).reduce((n, r) => n + Number(r[5]) * 100, 0));
    expect(fen(body, '收入')).toBe(summary.income);
    expect(fen(body, '支出')).toBe(summary.expense);
    expect(entries.find((r) => r[4] === '支出合计')?.[5]).toBe(summary.expense / 100);
    const budget = await readSheet(res.raw, 1);
    expect(budget.find((r) => r[0] === '慰问')).toEqual(['慰问', 30000, summary.budget[0].spent / 100, (3000000 - summary.budget[0].spent) / 100, summary.budget[0].usePct]);
    const balance = await readSheet(res.raw, 2);
    expect(balance.find((r) => r[0] === '年末结余')?.[1]).toBe(summary.balance / 100);
  });
});
