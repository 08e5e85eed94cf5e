import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalCode } from '../../../common/proposals';
import { backfill0005 } from '../../db/migrations/0005_proposals_more';
import { DIALECTS, type TestApp } from '../../test/harness';
import { readSheet } from '../../test/roster';
import { assigned, draftBody, castApp, shiftDate, submitted, today, type Cast } from './proposals.fixture';

// 提案编号 届次-会次-序号: given at submission, in order, per session; never shared, also when two
// submissions arrive at once; shown in lists, details, exports and notifications; and given to the
// proposals that existed before numbering, in submission order.

describe('proposalCode', () => {
  it('reads 届次 and 会次 from the names, Chinese or Arabic numerals', () => {
    expect(proposalCode('第五届', '第五届第二次会议', 12)).toBe('5-2-012');
    expect(proposalCode('第十二届', '第十二届第三次会议', 7)).toBe('12-3-007');
    expect(proposalCode('第二十一届', '二十一届第十次', 1)).toBe('21-10-001');
    expect(proposalCode('2024 届', '第 5 届第 1 次教代会', 1234)).toBe('5-1-1234');
    expect(proposalCode('第五届', '年度教代会', 3)).toBe('年度教代会-003');
    expect(proposalCode('第五届', '第五届第二次会议', null)).toBeNull();
  });
});

describe.each(DIALECTS)('提案编号 on %s', (dialect) => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => ({ t, c } = await castApp(dialect)));
  afterAll(() => t.close());

  const numberOf = async (id: string) => (await c.chair.get(`/api/proposals/${id}`)).json as { number: number | null; code: string | null };
  const lastNumber = async () => (await c.chair.get(`/api/proposals?sessionId=${c.sessionId}&pageSize=200`)).json.items.reduce((m: number, p: { number: number | null }) => Math.max(m, p.number ?? 0), 0);

  it('numbers submissions in order within the session; drafts have none; another session starts at 1', async () => {
    const start = await lastNumber();
    const first = await submitted(c, '编号一');
    const second = await submitted(c, '编号二');
    const draft = (await c.proposer.post('/api/proposals', draftBody(c, '编号草稿'))).json;
    expect(draft).toMatchObject({ number: null, code: null });
    expect(await numberOf(first)).toMatchObject({ number: start + 1, code: `5-2-${String(start + 1).padStart(3, '0')}` });
    expect(await numberOf(second)).toMatchObject({ number: start + 2 });

    const otherSession = `other-${c.sessionId}`;
    const now = new Date().toISOString();
    await t.database.db.insertInto('congress_sessions').values({ id: otherSession, org_id: t.a.orgId, term_id: c.termId, name: '第五届第三次会议', date: shiftDate(today(), 60), place: null, checkin_code: `code-${otherSession}`, created_at: now, updated_at: now }).execute();
    expect((await c.chair.request('PUT', '/api/proposal-windows', { body: { sessionId: otherSession, opensOn: today(), closesOn: today() } })).status).toBe(200);
    const elsewhere = await submitted(c, '另一次会议的提案', { sessionId: otherSession });
    expect(await numberOf(elsewhere)).toMatchObject({ number: 1, code: '5-3-001' });
  });

  it('gives two submissions that arrive at once different numbers', async () => {
    const start = await lastNumber();
    const drafts: string[] = [];
    for (const title of ['同时一', '同时二', '同时三']) {
      const id = (await c.proposer.post('/api/proposals', draftBody(c, title))).json.id;
      await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2] });
      await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true });
      await c.c2.post(`/api/proposals/${id}/cosign`, { accept: true });
      drafts.push(id);
    }
    const results = await Promise.all(drafts.map((id) => c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json.number).sort()).toEqual([start + 1, start + 2, start + 3]);
  });

  it('submits one draft once when it is sent twice at once; no number is lost', async () => {
    const start = await lastNumber();
    const id = (await c.proposer.post('/api/proposals', draftBody(c, '重复提交'))).json.id;
    await c.proposer.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.m.c1, c.m.c2] });
    await c.c1.post(`/api/proposals/${id}/cosign`, { accept: true });
    await c.c2.post(`/api/proposals/${id}/cosign`, { accept: true });
    const results = await Promise.all([1, 2].map(() => c.proposer.post(`/api/proposals/${id}/submit`, { singleSubject: true })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.message).toContain('已提交');
    expect(await numberOf(id)).toMatchObject({ number: start + 1 });
    expect(await numberOf(await submitted(c, '随后提交'))).toMatchObject({ number: start + 2 });
  });

  it('shows the number in the list, the .xlsx, the 汇编 and the notifications', async () => {
    const id = await assigned(c, '编号处处可见');
    const { code } = await numberOf(id);
    const listed = (await c.proposer.get(`/api/proposals?q=${encodeURIComponent('编号处处可见')}`)).json.items[0];
    expect(listed.code).toBe(code);
    const sheet = await readSheet((await c.chair.get(`/api/proposals/export?q=${encodeURIComponent('编号处处可见')}`)).raw);
    expect(sheet[0][0]).toBe('编号');
    expect(sheet[1].slice(0, 2)).toEqual([code, '编号处处可见']);
    const docx = await JSZip.loadAsync((await c.chair.get(`/api/proposals/compilation?sessionId=${c.sessionId}`)).raw);
    expect(await docx.file('word/document.xml')!.async('string')).toContain(`${code}　编号处处可见`);
    const inbox = (await c.handler.get('/api/notifications?pageSize=100')).json.items.map((n: { body: string }) => n.body);
    expect(inbox).toContain(`${code} 《编号处处可见》已交办总务处主办，教务处协办，办理期限 ${shiftDate(today(), 14)}`);
    const committee = (await c.committee.get('/api/notifications?pageSize=100')).json.items.map((n: { body: string }) => n.body);
    expect(committee).toContain(`${code} 《编号处处可见》已提交提案工作委员会审查`);
  });

  it('numbers the proposals made before numbering in submission order, and continues after them', async () => {
    const db = t.database.db;
    const ids = [await submitted(c, '旧提案甲'), await submitted(c, '旧提案乙'), await assigned(c, '旧提案丙')];
    // As before migration 0005: no numbers, no counter, no history; submission times out of id order.
    await db.updateTable('proposals').set({ number: null }).where('org_id', '=', t.a.orgId).execute();
    await db.updateTable('proposal_windows').set({ last_number: 0 }).where('org_id', '=', t.a.orgId).execute();
    await db.deleteFrom('proposal_events').where('org_id', '=', t.a.orgId).execute();
    await db.updateTable('proposals').set({ submitted_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', ids[2]).execute();
    await backfill0005(db);

    const rows = await db.selectFrom('proposals').select(['id', 'number', 'state', 'submitted_at']).where('session_id', '=', c.sessionId).orderBy('submitted_at').orderBy('id').execute();
    const numbered = rows.filter((r) => r.submitted_at);
    expect(numbered.map((r) => r.number)).toEqual(numbered.map((_, i) => i + 1));
    expect(rows.filter((r) => !r.submitted_at).every((r) => r.number === null)).toBe(true);
    expect(numbered[0].id).toBe(ids[2]);
    expect(await numberOf(await submitted(c, '迁移之后'))).toMatchObject({ number: numbered.length + 1 });

    const history = (await c.chair.get(`/api/proposals/${ids[2]}`)).json.timeline.map((e: { kind: string; department?: string; handlerName?: string }) => [e.kind, e.department ?? e.handlerName ?? '']);
    expect(history.map((h: string[]) => h[0])).toEqual(['submitted', 'created', 'cosigned', 'cosigned', 'decided', 'assigned']);
    expect(history.find((h: string[]) => h[0] === 'assigned')).toEqual(['assigned', '总务处']);
  });
});
