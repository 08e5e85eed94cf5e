import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCjkFont } from '../../lib/pdf';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { pdfPageSize, pdfText, setupCare, type CareSchool } from './care.fixture';

// 节日慰问 batches: every person checked against the yearly 节日 cap before anything is written, all
// or nothing, one ledger entry for the batch, and the 签收单 PDF read back for its names and total.

describe.each(DIALECTS)('festival batches on %s', (dialect) => {
  let t: TestApp;
  let s: CareSchool;
  const batch = (extra: Record<string, unknown> = {}) => ({ festival: 'mid_autumn', date: '2025-10-06', scope: 'retirees', amount: 20000, item: '月饼礼盒', ...extra });
  const count = async () => ({
    records: (await s.auditor.get('/api/care/records?year=2025&pageSize=200')).json.total as number,
    entries: (await s.auditor.get('/api/funds/entries?year=2025&pageSize=200')).json.total as number,
  });

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupCare(t);
    // 王退休 has had 2,100 元 of festival goods this year: 200 元 more would pass the 2,200 元 cap.
    expect((await s.committee.post('/api/care/records', { memberId: s.m.wang, type: 'festival', festival: 'spring', date: '2025-01-25', amount: 210000, item: '年货' })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('previews every retiree against the cap and names who would pass it, writing nothing', async () => {
    const before = await count();
    const res = await s.committee.post('/api/care/batches/preview', batch());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ count: 3, exceeding: 1, total: 40000, cap: 220000 });
    const wang = res.json.rows.find((r: { memberId: string }) => r.memberId === s.m.wang);
    expect(wang).toMatchObject({ name: '王退休', given: 210000 });
    expect(wang.problem).toBe('超出慰问标准：节日慰问每人每年不超过 2,200.00 元；王退休 2025 年已获 2,100.00 元，加上本次 200.00 元共 2,300.00 元（依据：本校慰问标准，参照皖工发〔2025〕18号）');
    expect(res.json.rows.filter((r: { problem: string | null }) => !r.problem).map((r: { name: string }) => r.name).sort()).toEqual(['赵退休', '钱退休'].sort());
    expect(await count()).toEqual(before);
  });

  it('records nothing while anyone would pass a cap, and says who', async () => {
    const before = await count();
    const res = await s.committee.post('/api/care/batches', batch());
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({ code: 'cap_exceeded', message: '1 人将超出慰问标准，未登记任何记录；请从名单中移除后再登记：王退休（2,100.00）' });
    expect(await count()).toEqual(before);
  });

  it('refuses cash-free rules and empty groups with field messages', async () => {
    expect((await s.committee.post('/api/care/batches', batch({ item: '' }))).json.error.fields).toEqual({ item: '此项必填' });
    expect((await s.committee.post('/api/care/batches', batch({ scope: 'picked' }))).json.error.fields).toEqual({ memberIds: '请至少选择一人' });
    expect((await s.committee.post('/api/care/batches', batch({ scope: 'group' }))).json.error.fields).toEqual({ groupId: '此项必填' });
    expect((await s.committee.post('/api/care/batches', batch({ scope: 'picked', memberIds: [s.m.zhang, 'nobody'] }))).json.error.fields).toEqual({ memberIds: '会员不存在或已删除' });
    const all = [s.m.wang, s.m.zhao, s.m.qian];
    expect((await s.committee.post('/api/care/batches', batch({ exclude: all }))).json.error.fields).toEqual({ memberIds: '请至少选择一人' });
  });

  let batchId = '';
  it('records everyone else in one step once the person over the cap is removed, with one ledger entry', async () => {
    const before = await count();
    const res = await s.committee.post('/api/care/batches', batch({ exclude: [s.m.wang], visitors: '工会 李主席' }));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ festival: 'mid_autumn', count: 2, total: 40000, amount: 20000, item: '月饼礼盒', scope: 'retirees' });
    batchId = res.json.id;
    expect(await count()).toEqual({ records: before.records + 2, entries: before.entries + 1 });
    const records = (await s.auditor.get('/api/care/records?year=2025&type=festival&festival=mid_autumn')).json.items;
    expect(records.map((r: { memberName: string; form: string; batchId: string }) => [r.memberName, r.form, r.batchId]).sort()).toEqual([['赵退休', 'goods', batchId], ['钱退休', 'goods', batchId]].sort());
    const entry = (await s.auditor.get('/api/funds/entries?year=2025')).json.items.find((e: { sourceId: string }) => e.sourceId === batchId);
    expect(entry).toMatchObject({ sourceKind: 'care_batch', amount: 40000, category: 'care', summary: '2025年中秋节慰问：2 人，月饼礼盒' });
    expect((await s.auditor.get('/api/care/batches?year=2025')).json.items.map((b: { id: string }) => b.id)).toEqual([batchId]);
    expect((await s.auditor.get(`/api/care/batches/${batchId}`)).json.groupName).toBeNull();
  });

  it('batches a 工会小组 too, and the same people cannot be given past the cap by a second batch', async () => {
    const group = await s.committee.post('/api/care/batches/preview', batch({ scope: 'group', groupId: s.groupId, festival: 'double_ninth', date: '2025-10-29', amount: 200100 }));
    expect(group.json).toMatchObject({ count: 3, exceeding: 3 });
    const picked = await s.committee.post('/api/care/batches', batch({ scope: 'picked', memberIds: [s.m.zhang, s.m.li], festival: 'teachers_day', date: '2025-09-10', amount: 30000, item: '鲜花' }));
    expect(picked.status).toBe(201);
  });

  it('voids one person out of a batch: the ledger gives back their share', async () => {
    const before = (await s.auditor.get('/api/funds/summary?year=2025')).json.expense;
    const zhao = (await s.auditor.get(`/api/care/records?memberId=${s.m.zhao}&festival=mid_autumn`)).json.items[0];
    expect((await s.committee.post(`/api/care/records/${zhao.id}/void`, { reason: '本人婉拒' })).status).toBe(200);
    expect((await s.auditor.get('/api/funds/summary?year=2025')).json.expense).toBe(before - 20000);
  });

  it.skipIf(!findCjkFont())('prints the 签收单: A4, title, school, names, an empty signature column and the total in 大写', async () => {
    const res = await s.auditor.get(`/api/care/batches/${batchId}/receipt`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2025年中秋节慰问签收单.pdf');
    expect(await pdfPageSize(res.raw)).toEqual([595, 842]);
    const [page] = await pdfText(res.raw);
    for (const text of ['2025年中秋节慰问签收单', '第一中学工会', '序号', '姓名', '部门', '签字', '钱退休', '第 1 页 / 共 1 页']) expect(page).toContain(text);
    // 赵退休 was voided out of the batch: the sheet lists and sums only who is still in it.
    expect(page).not.toContain('赵退休');
    expect(page).toContain('合计：1 人，金额 200.00 元（大写：贰佰元整）');
  });

  it.skipIf(!findCjkFont())('numbers the pages of a long 签收单 and repeats the table header', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await s.admin.post('/api/members', { employeeNo: `R${100 + i}`, name: `退休${String.fromCharCode(0x4e00 + i)}`, status: 'retired' })).json.id);
    const res = await s.committee.post('/api/care/batches', batch({ festival: 'spring', date: '2026-02-17', exclude: [s.m.wang, s.m.zhao, s.m.qian], amount: 10000, item: '年货' }));
    expect(res.status).toBe(201);
    const pages = await pdfText((await s.auditor.get(`/api/care/batches/${res.json.id}/receipt`)).raw);
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('序号');
    expect(pages[1]).toContain('第 2 页 / 共 2 页');
    expect(pages[1]).toContain('合计：30 人，金额 3,000.00 元（大写：叁仟元整）');
    expect(pages.join('')).toContain(`退休${String.fromCharCode(0x4e00 + 29)}`);
  });
});
