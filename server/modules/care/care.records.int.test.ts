import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../lib/time';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { setupCare, type CareSchool } from './care.fixture';

// 慰问 records against the caps (Anhui 2025 defaults: 住院 2000 元 per event and once per illness
// per year, 节日 2200 元 per person per year in goods only, 生日 500 元), the chair's override, two
// entries at once, voiding, and the 工作台 reminders.

describe.each(DIALECTS)('care records on %s', (dialect) => {
  let t: TestApp;
  let s: CareSchool;
  const rec = (body: Record<string, unknown>, c = s.committee) => c.post('/api/care/records', body);
  const careSpent = async (year: number) => (await s.auditor.get(`/api/funds/summary?year=${year}`)).json.budget.find((b: { category: string }) => b.category === 'care').spent as number;

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupCare(t);
  });
  afterAll(() => t.close());

  it('records a hospital visit (201, amount in 分) and posts it to the ledger in the same step', async () => {
    const res = await rec({ memberId: s.m.zhang, type: 'hospital', date: '2025-03-02', amount: 150000, reason: '肺炎', visitors: '工会 王老师' });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ memberId: s.m.zhang, memberName: '张慰问', type: 'hospital', date: '2025-03-02', year: 2025, amount: 150000, form: 'cash', reason: '肺炎', admittedOn: '2025-03-02', dischargedOn: null, overrideReason: null });
    expect(await careSpent(2025)).toBe(150000);
    const entries = (await s.auditor.get('/api/funds/entries?year=2025')).json.items;
    expect(entries).toEqual([expect.objectContaining({ direction: 'expense', category: 'care', amount: 150000, sourceKind: 'care', sourceId: res.json.id, summary: '生病住院慰问：张慰问' })]);
  });

  it('refuses a second hospital payment for the same illness in the same year, naming it (422 cap_exceeded)', async () => {
    const again = await rec({ memberId: s.m.zhang, type: 'hospital', date: '2025-06-10', amount: 10000, reason: ' 肺炎。' });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe('cap_exceeded');
    expect(again.json.error.message).toBe('超出慰问标准：同一疾病住院每年只慰问一次；张慰问 2025 年已因“肺炎”获住院慰问（2025-03-02，1,500.00 元）（依据：本校慰问标准，参照皖工发〔2025〕18号）');
    // Another illness the same year, and the same illness the next year, are new events.
    expect((await rec({ memberId: s.m.zhang, type: 'hospital', date: '2025-09-01', amount: 50000, reason: '骨折' })).status).toBe(201);
    expect((await rec({ memberId: s.m.zhang, type: 'hospital', date: '2026-01-15', amount: 50000, reason: '肺炎' })).status).toBe(201);
  });

  it('refuses a payment above its per-event cap, saying the cap, this year’s amount and the rule, in either language', async () => {
    const over = await rec({ memberId: s.m.li, type: 'wedding', date: '2025-05-01', amount: 200001 });
    expect(over.status).toBe(422);
    expect(over.json.error).toEqual({ code: 'cap_exceeded', message: '超出慰问标准：结婚慰问每次不超过 2,000.00 元，本次 2,000.01 元；李慰问 2025 年已获结婚慰问 0.00 元（依据：本校慰问标准，参照皖工发〔2025〕18号）' });
    s.committee.lang = 'en';
    const en = await rec({ memberId: s.m.li, type: 'bereavement_family', date: '2025-05-01', amount: 250000 });
    s.committee.lang = 'zh';
    expect(en.json.error.code).toBe('cap_exceeded');
    expect(en.json.error.message).toContain('Death in the family payments are at most 2,000.00 yuan each, this one is 2,500.00 yuan; 李慰问 has had 0.00 yuan');
    expect((await rec({ memberId: s.m.li, type: 'wedding', date: '2025-05-01', amount: 200000 })).status).toBe(201);
  });

  it('caps 节日 per person per calendar year, counting what was given before', async () => {
    expect((await rec({ memberId: s.m.li, type: 'festival', festival: 'spring', date: '2025-01-20', amount: 150000, item: '年货礼包' })).status).toBe(201);
    const over = await rec({ memberId: s.m.li, type: 'festival', festival: 'mid_autumn', date: '2025-10-01', amount: 80000, item: '月饼' });
    expect(over.status).toBe(422);
    expect(over.json.error.message).toBe('超出慰问标准：节日慰问每人每年不超过 2,200.00 元；李慰问 2025 年已获 1,500.00 元，加上本次 800.00 元共 2,300.00 元（依据：本校慰问标准，参照皖工发〔2025〕18号）');
    // Up to the cap exactly is allowed; the next calendar year starts again.
    const exact = await rec({ memberId: s.m.li, type: 'festival', festival: 'mid_autumn', date: '2025-10-01', amount: 70000, item: '月饼' });
    expect(exact.status).toBe(201);
    expect(exact.json.form).toBe('goods');
    expect((await rec({ memberId: s.m.li, type: 'festival', festival: 'new_year', date: '2025-12-31', amount: 1, item: '贺卡' })).status).toBe(422);
    expect((await rec({ memberId: s.m.li, type: 'festival', festival: 'new_year', date: '2026-01-01', amount: 220000, item: '年货' })).status).toBe(201);
  });

  it('refuses cash or shopping cards for a festival, whatever the amount', async () => {
    const cash = await rec({ memberId: s.m.zhang, type: 'festival', festival: 'spring', date: '2025-01-20', amount: 100, form: 'cash' });
    expect(cash.status).toBe(422);
    expect(cash.json.error.fields).toEqual({ form: '节日慰问只能发放实物，不得发放现金、购物卡或代金券（皖工发〔2025〕18号）' });
  });

  it('caps 生日 per person per year', async () => {
    expect((await rec({ memberId: s.m.zhang, type: 'birthday', date: '2025-04-01', amount: 50000, form: 'goods', item: '蛋糕卡' })).status).toBe(201);
    const again = await rec({ memberId: s.m.zhang, type: 'birthday', date: '2025-04-02', amount: 1 });
    expect(again.status).toBe(422);
    expect(again.json.error.message).toContain('生日慰问每人每年不超过 500.00 元；张慰问 2025 年已获 500.00 元');
  });

  it('refuses incomplete or odd input with field messages, writing nothing', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ memberId: s.m.zhang, type: 'hospital', date: '2025-07-01', amount: 100 }, { reason: '生病住院慰问须写明所患疾病' }],
      [{ memberId: s.m.zhang, type: 'other', date: '2025-07-01', amount: 100 }, { reason: '请写明慰问事由' }],
      [{ memberId: s.m.zhang, type: 'wedding', date: '2025-07-01', amount: 12.5 }, { amount: '格式不正确' }],
      [{ memberId: s.m.zhang, type: 'wedding', date: '2025-07-01', amount: 0 }, { amount: '金额应在 0.01 元到 100 万元之间（以分为单位的整数）' }],
      [{ memberId: s.m.zhang, type: 'picnic', date: '2025-07-01', amount: 100 }, { type: '不是允许的选项' }],
      [{ memberId: s.m.zhang, type: 'wedding', date: '2025-02-30', amount: 100 }, { date: '日期格式应为 YYYY-MM-DD，且是真实存在的日期' }],
      [{ memberId: 'nobody', type: 'wedding', date: '2025-07-01', amount: 100 }, { memberId: '会员不存在或已删除' }],
      [{ memberId: s.m.zhang, type: 'hospital', date: '2025-07-01', amount: 100, reason: '感冒', admittedOn: '2025-07-01', dischargedOn: '2025-06-30' }, { dischargedOn: '出院日期不能早于入院日期' }],
    ];
    const before = (await s.auditor.get('/api/care/records?pageSize=200')).json.total;
    for (const [body, fields] of cases) {
      const res = await rec(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields).toEqual(fields);
    }
    expect((await s.auditor.get('/api/care/records?pageSize=200')).json.total).toBe(before);
  });

  it('refuses a member of another school as if it did not exist', async () => {
    const b = await t.as('admin', t.b);
    const other = (await b.post('/api/members', { employeeNo: 'B001', name: '二小会员' })).json.id;
    const res = await rec({ memberId: other, type: 'wedding', date: '2025-07-01', amount: 100 });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual({ memberId: '会员不存在或已删除' });
  });

  describe('the chair’s override', () => {
    const over = { type: 'childbirth', date: '2025-08-01', amount: 300000 };

    it('is refused while the school does not allow it, and to anyone but the chair', async () => {
      const off = await rec({ memberId: s.m.zhang, ...over, override: true, overrideReason: '双胞胎，家庭困难' }, s.chair);
      expect(off.status).toBe(422);
      expect(off.json.error).toEqual({ code: 'override_not_allowed', message: '本校设置不允许超标准发放；如确有需要，请先由管理员在设置中开启' });
      expect((await s.admin.patch('/api/org', { settings: { allowCapOverride: true } })).status).toBe(200);
      const committee = await rec({ memberId: s.m.zhang, ...over, override: true, overrideReason: '双胞胎' });
      expect(committee.status).toBe(403);
      expect(committee.json.error.message).toBe('只有工会主席可以超标准登记');
    });

    it('needs a written reason', async () => {
      const bare = await rec({ memberId: s.m.zhang, ...over, override: true }, s.chair);
      expect(bare.status).toBe(422);
      expect(bare.json.error.fields).toEqual({ overrideReason: '超标准发放须写明理由' });
      const blank = await rec({ memberId: s.m.zhang, ...over, override: true, overrideReason: '   ' }, s.chair);
      expect(blank.status).toBe(422);
      // Without asking for the override, the cap still holds for the chair too.
      expect((await rec({ memberId: s.m.zhang, ...over }, s.chair)).json.error.code).toBe('cap_exceeded');
    });

    it('records above the cap with the reason kept on the record and in the audit log', async () => {
      const res = await rec({ memberId: s.m.zhang, ...over, override: true, overrideReason: '双胞胎早产，家庭困难，经工会委员会研究' }, s.chair);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.overrideReason).toBe('双胞胎早产，家庭困难，经工会委员会研究');
      expect((await s.chair.get(`/api/care/records/${res.json.id}`)).json.overrideReason).toBe('双胞胎早产，家庭困难，经工会委员会研究');
      const audit = (await s.admin.get(`/api/audit?entityId=${res.json.id}`)).json.items;
      const override = audit.find((a: { action: string }) => a.action === 'override');
      expect(override.after).toEqual({ cap: expect.stringContaining('生育慰问每次不超过 2,000.00 元'), reason: '双胞胎早产，家庭困难，经工会委员会研究' });
      // Within the cap the override asks nothing and keeps no reason.
      const within = await rec({ memberId: s.m.li, type: 'childbirth', date: '2025-08-01', amount: 1000, override: true, overrideReason: '不需要' }, s.chair);
      expect(within.json.overrideReason).toBeNull();
      await s.admin.patch('/api/org', { settings: { allowCapOverride: false } });
    });
  });

  it('never lets simultaneous entries together pass a cap (the member is locked while checking)', async () => {
    const body = { memberId: s.m.qian, type: 'festival', festival: 'dragon_boat', date: '2025-05-31', amount: 50000, item: '粽子' };
    const clients = [s.committee, s.chair, await t.as('committee'), await t.as('chair')];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => rec(body, clients[i % clients.length])));
    // 4 × 500 元 = 2,000 元 fits under 2,200 元; a fifth would not.
    expect(results.map((r) => r.status).sort()).toEqual([...Array(4).fill(201), ...Array(6).fill(422)]);
    const standing = (await s.auditor.get(`/api/care/members/${s.m.qian}/standing?year=2025`)).json;
    expect(standing.given.festival).toEqual({ amount: 200000, count: 4 });
  });

  it('shows a member’s year against the caps, with this year’s illnesses', async () => {
    const res = await s.committee.get(`/api/care/members/${s.m.zhang}/standing?year=2025`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ memberName: '张慰问', year: 2025, caps: { festivalPerYear: 220000, hospital: 200000 }, allowOverride: false });
    expect(res.json.given.hospital).toEqual({ amount: 200000, count: 2 });
    expect(res.json.illnesses.map((i: { reason: string }) => i.reason)).toEqual(['肺炎', '骨折']);
  });

  it('voids a record: it stays, marked, and its money leaves the ledger; twice is refused', async () => {
    const before = await careSpent(2025);
    const r = await rec({ memberId: s.m.li, type: 'retirement', date: '2025-07-01', amount: 80000 });
    expect(await careSpent(2025)).toBe(before + 80000);
    expect((await s.committee.post(`/api/care/records/${r.json.id}/void`, {})).status).toBe(422);
    const voided = await s.committee.post(`/api/care/records/${r.json.id}/void`, { reason: '重复登记' });
    expect(voided.status).toBe(200);
    expect(voided.json).toMatchObject({ voidReason: '重复登记', voidedAt: expect.any(String) });
    expect(await careSpent(2025)).toBe(before);
    expect((await s.committee.post(`/api/care/records/${r.json.id}/void`, { reason: '再次' })).status).toBe(409);
    // A voided 住院 no longer blocks the same illness.
    const h = await rec({ memberId: s.m.li, type: 'hospital', date: '2025-07-02', amount: 1000, reason: '阑尾炎' });
    await s.committee.post(`/api/care/records/${h.json.id}/void`, { reason: '登记错人' });
    expect((await rec({ memberId: s.m.li, type: 'hospital', date: '2025-07-03', amount: 1000, reason: '阑尾炎' })).status).toBe(201);
  });

  it('sums money exactly in 分: the ledger equals the records behind it', async () => {
    for (const amount of [33333, 1, 66667, 9999]) expect((await rec({ memberId: s.m.zhao, type: 'other', date: '2025-11-11', amount, reason: '看望' })).status).toBe(201);
    const all = (await s.auditor.get('/api/care/records?year=2025&pageSize=200')).json.items as { amount: number; voidedAt: string | null }[];
    const recorded = all.filter((r) => !r.voidedAt).reduce((n, r) => n + r.amount, 0);
    expect(await careSpent(2025)).toBe(recorded);
    const zhao = (await s.auditor.get(`/api/care/records?memberId=${s.m.zhao}`)).json;
    expect(zhao.items.reduce((n: number, r: { amount: number }) => n + r.amount, 0)).toBe(110000);
  });

  it('lists with filters: type, year, name', async () => {
    const hospital = (await s.auditor.get('/api/care/records?type=hospital&year=2025')).json;
    expect(hospital.items.every((r: { type: string; year: number }) => r.type === 'hospital' && r.year === 2025)).toBe(true);
    const byName = (await s.auditor.get(`/api/care/records?q=${encodeURIComponent('张慰')}`)).json;
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((r: { memberName: string }) => r.memberName === '张慰问')).toBe(true);
    expect(byName.total).toBe(byName.items.length);
    // The same search by the member's number, and by words of a record's reason; the count agrees with the page.
    const one = byName.items[0] as { employeeNo: string; reason: string | null; id: string };
    const byNo = (await s.auditor.get(`/api/care/records?q=${encodeURIComponent(one.employeeNo)}&pageSize=200`)).json;
    expect(byNo.items.map((r: { id: string }) => r.id).sort()).toEqual(byName.items.map((r: { id: string }) => r.id).sort());
    expect(byNo.total).toBe(byNo.items.length);
    const all = (await s.auditor.get('/api/care/records?pageSize=200')).json;
    expect(all.total).toBe(all.items.length);
    const reason = all.items.find((r: { reason: string | null }) => r.reason && r.reason.length >= 2)?.reason as string;
    const byReason = (await s.auditor.get(`/api/care/records?q=${encodeURIComponent(reason.slice(0, 2))}&pageSize=200`)).json;
    expect(byReason.items.some((r: { reason: string | null }) => r.reason === reason)).toBe(true);
    expect(byReason.total).toBe(byReason.items.length);
    expect((await s.auditor.get('/api/care/records?q=%25')).status).toBe(200);
  });

  it('reminds of birthdays this month, who is in hospital now, and retirees before the coming festival', async () => {
    const today = localDate('Asia/Shanghai');
    const birth = `1960-${today.slice(5, 7)}-01`;
    const born = (await s.admin.post('/api/members', { employeeNo: 'C009', name: '孙生日', birthDate: birth })).json.id;
    const stay = await rec({ memberId: born, type: 'hospital', date: today, amount: 50000, reason: '心脏支架' });
    let r = (await s.committee.get('/api/care/reminders')).json;
    expect(r.birthdays).toContainEqual({ memberId: born, name: '孙生日', department: null, birthDate: birth, visited: false });
    expect(r.inHospital).toContainEqual(expect.objectContaining({ recordId: stay.json.id, name: '孙生日', admittedOn: today, reason: '心脏支架' }));
    expect(r.festival.retirees).toBe(3);
    expect(r.festival.notVisitedCount).toBe(3);
    // Discharged, a birthday visit, and one retiree visited for the coming festival.
    expect((await s.committee.patch(`/api/care/records/${stay.json.id}`, { dischargedOn: today })).json.dischargedOn).toBe(today);
    await rec({ memberId: born, type: 'birthday', date: today, amount: 20000, form: 'goods', item: '蛋糕' });
    const tenDaysBefore = new Date(Date.parse(r.festival.date) - 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await rec({ memberId: s.m.wang, type: 'festival', festival: r.festival.festival, date: tenDaysBefore, amount: 10000, item: '慰问品' })).status).toBe(201);
    r = (await s.committee.get('/api/care/reminders')).json;
    expect(r.birthdays.find((b: { memberId: string }) => b.memberId === born).visited).toBe(true);
    expect(r.inHospital.map((h: { recordId: string }) => h.recordId)).not.toContain(stay.json.id);
    expect(r.festival.notVisitedCount).toBe(2);
    expect(r.festival.notVisited.map((m: { name: string }) => m.name).sort()).toEqual(['赵退休', '钱退休'].sort());
  });
});
