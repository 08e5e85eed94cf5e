import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { fileBody, setupHardship, type HardshipSchool } from './hardship.fixture';

// 全部发放 of a 送温暖 campaign: everyone the caps allow is paid in one step and posted to the ledger;
// whoever a cap or a closed file does not allow is left unpaid and named; nothing is paid twice.

describe.each(DIALECTS)('paying a whole 送温暖 campaign on %s', (dialect) => {
  let t: TestApp;
  let s: HardshipSchool;
  let campaignId = '';

  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupHardship(t);
    for (const m of [s.m.zhang, s.m.li, s.m.wang]) expect((await s.welfare.post('/api/hardship/files', fileBody(m))).status).toBe(201);
    const res = await s.welfare.post('/api/hardship/campaigns', { title: '春节送温暖', date: s.today, levels: ['ordinary'], amount: 80000, form: 'cash' });
    expect(res.json.count).toBe(3);
    campaignId = res.json.id;
    // 王别组 has had 2,500 元 of the 3,000 元 一般困难 year already: 800 元 more would exceed it.
    const app = (await s.welfare.post('/api/hardship/applications', { memberId: s.m.wang, amount: 200000, reason: '医药费' })).json.id;
    await s.welfare.post(`/api/hardship/applications/${app}/review`, { decision: 'recommend', amount: 200000 });
    await s.chair.post(`/api/hardship/applications/${app}/approve`, { decision: 'approve' });
    expect((await s.welfare.post(`/api/hardship/applications/${app}/pay`, { date: s.today, form: 'transfer' })).status).toBe(200);
    await s.chair.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 200000, perYear: 250000 }, severe: { perApplication: 200000, perYear: 300000 } } });
  });
  afterAll(() => t.close());

  it('refuses a bad date and a caller outside the committee, paying nobody', async () => {
    expect((await s.welfare.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: '2026-13-01' })).status).toBe(422);
    expect((await s.member.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today })).status).toBe(403);
    const other = await t.as('welfare', t.b);
    expect((await other.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today })).status).toBe(404);
    expect((await s.welfare.get(`/api/hardship/campaigns/${campaignId}`)).json).toMatchObject({ paid: 0, paidTotal: 0 });
  });

  it('pays everyone the caps allow at once, names who is left and why, and posts each to the ledger', async () => {
    const res = await s.welfare.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ paid: 2, total: 160000, campaign: { paid: 2, paidTotal: 160000, count: 3 } });
    expect(res.json.skipped).toEqual([{ name: '王别组', reason: expect.stringContaining('一般困难每人每年不超过 2,500.00 元') }]);
    const entries = (await s.auditor.get(`/api/funds/entries?year=${s.year}&category=hardship&pageSize=50`)).json.items as { amount: number; summary: string }[];
    expect(entries.filter((e) => e.summary.startsWith('春节送温暖：')).map((e) => [e.summary, e.amount]).sort()).toEqual([
      ['春节送温暖：张困难', 80000],
      ['春节送温暖：李困难', 80000],
    ]);
    const items = res.json.campaign.items as { name: string; paidOn: string | null; visitedOn: string | null }[];
    expect(items.filter((i) => i.paidOn).map((i) => i.name).sort()).toEqual(['张困难', '李困难'].sort());
    expect(items.filter((i) => i.paidOn).every((i) => i.visitedOn === s.today)).toBe(true);
  });

  it('pays nobody twice: a second run pays only whom the caps now allow, and then there is nobody left', async () => {
    const again = await s.welfare.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today });
    expect(again.json).toMatchObject({ paid: 0, total: 0, skipped: [{ name: '王别组' }] });
    await s.chair.request('PUT', '/api/hardship/caps', { body: { ordinary: { perApplication: 200000, perYear: 300000 }, severe: { perApplication: 200000, perYear: 300000 } } });
    expect((await s.welfare.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today })).json).toMatchObject({ paid: 1, total: 80000, skipped: [] });
    const done = await s.welfare.post(`/api/hardship/campaigns/${campaignId}/pay-all`, { date: s.today });
    expect(done.status).toBe(409);
    const sum = ((await s.auditor.get(`/api/funds/entries?year=${s.year}&category=hardship&pageSize=50`)).json.items as { amount: number }[]).reduce((n, e) => n + e.amount, 0);
    expect(sum).toBe(200000 + 3 * 80000);
  });
});
