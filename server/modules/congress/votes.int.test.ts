import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { congressWith, markPresent, seedPeople, type Person } from '../../test/congress';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';

describe.each(DIALECTS)('congress votes and elections on %s', (dialect) => {
  let t: TestApp;
  let chair: Client;
  let people: Person[];
  let delegates: Person[];
  const phones = new Map<string, Client>();
  let ids: { termId: string; sessionId: string };

  /** The delegate's own phone session (signed in once). */
  async function phone(p: Person): Promise<Client> {
    let c = phones.get(p.memberId);
    if (!c) {
      c = t.client();
      await c.login(p.username);
      phones.set(p.memberId, c);
    }
    return c;
  }
  async function newVote(body: object): Promise<string> {
    const v = await chair.post(`/api/congress/sessions/${ids.sessionId}/votes`, body);
    expect(v.status, JSON.stringify(v.json)).toBe(201);
    expect((await chair.post(`/api/congress/votes/${v.json.id}/open`)).status).toBe(200);
    return v.json.id;
  }
  async function castAll(voteId: string, ballots: [Person, object][]) {
    for (const [p, b] of ballots) {
      const r = await (await phone(p)).post(`/api/congress/votes/${voteId}/ballots`, b);
      expect(r.status, `${p.username} ${JSON.stringify(r.json)}`).toBe(201);
    }
  }
  const resolutionBallots = (yes: number, no: number, abstain: number): [Person, object][] =>
    delegates.slice(0, yes + no + abstain).map((p, i) => [p, { choice: i < yes ? 'yes' : i < yes + no ? 'no' : 'abstain' }]);

  beforeAll(async () => {
    t = await makeApp(dialect);
    chair = await t.as('chair');
    people = await seedPeople(t, 'v', 46, 40);
    delegates = people.slice(0, 44);
    ids = await congressWith(chair, delegates);
    await markPresent(chair, ids.sessionId, delegates.slice(0, 30));
  });
  afterAll(() => t.close());

  it('fails a resolution at exactly half of all delegates, even as a majority of those present', async () => {
    const id = await newVote({ title: '财务工作报告', kind: 'resolution', secret: false });
    await castAll(id, resolutionBallots(22, 8, 0));
    const result = await chair.post(`/api/congress/votes/${id}/close`);
    expect(result.json).toEqual({ kind: 'resolution', cast: 30, eligible: 30, base: 44, baseKind: 'all_delegates', threshold: 23, passed: false, yes: 22, no: 8, abstain: 0 });
  });

  it('passes with one more than half of all delegates', async () => {
    const id = await newVote({ title: '学校工作报告', kind: 'resolution', secret: true });
    await castAll(id, resolutionBallots(23, 0, 7));
    expect((await chair.post(`/api/congress/votes/${id}/close`)).json).toMatchObject({ base: 44, threshold: 23, passed: true, yes: 23, abstain: 7 });
  });

  it('counts more than half of 应到会 delegates where the school says so', async () => {
    const admin = await t.as('admin');
    expect((await admin.patch('/api/org', { settings: { quorumBase: 'expected_delegates' } })).status).toBe(200);
    for (const p of delegates.slice(40, 44)) await chair.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: p.memberId, present: false, leave: true });
    const id = await newVote({ title: '绩效工资分配方案', kind: 'resolution', secret: false });
    await castAll(id, resolutionBallots(21, 9, 0));
    expect((await chair.post(`/api/congress/votes/${id}/close`)).json).toMatchObject({ base: 40, baseKind: 'expected_delegates', threshold: 21, passed: true, yes: 21 });
    await admin.patch('/api/org', { settings: { quorumBase: 'all_delegates' } });
    const again = await newVote({ title: '同一方案（按全体代表计）', kind: 'resolution', secret: false });
    await castAll(again, resolutionBallots(21, 9, 0));
    expect((await chair.post(`/api/congress/votes/${again}/close`)).json).toMatchObject({ base: 44, threshold: 23, passed: false });
  });

  it('elects with more than half of all delegates; candidates tied for the last seat are not elected', async () => {
    await markPresent(chair, ids.sessionId, delegates); // all 44 present
    const [a, b, c] = people.slice(0, 3);
    const id = await newVote({ title: '工会委员补选', kind: 'election', secret: true, seats: 2, candidates: [a.memberId, b.memberId, c.memberId] });
    // x=5 [A,B], y=5 [A,C], z=18 [B,C], w=16 [A]: A 26, B 23, C 23 — B and C tie at the threshold for seat 2.
    const plan: string[][] = [...Array(5).fill([a, b]), ...Array(5).fill([a, c]), ...Array(18).fill([b, c]), ...Array(16).fill([a])].map((ps: Person[]) => ps.map((p) => p.memberId));
    await castAll(id, delegates.map((p, i) => [p, { candidates: plan[i] }]));
    const r = (await chair.post(`/api/congress/votes/${id}/close`)).json;
    expect(r).toMatchObject({ kind: 'election', cast: 44, eligible: 44, base: 44, threshold: 23, seats: 2 });
    const by = Object.fromEntries(r.candidates.map((x: { memberId: string }) => [x.memberId, x]));
    expect(by[a.memberId]).toMatchObject({ votes: 26, elected: true });
    expect(by[b.memberId]).toMatchObject({ votes: 23, elected: false });
    expect(by[c.memberId]).toMatchObject({ votes: 23, elected: false });
    expect(r.tied.sort()).toEqual([b.memberId, c.memberId].sort());
  });

  it('refuses a second ballot, also when two arrive at once, and ballots that do not fit', async () => {
    const [a, b] = people.slice(0, 2);
    const id = await newVote({ title: '代表资格确认', kind: 'resolution', secret: true });
    const me = await phone(delegates[0]);
    expect((await me.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' })).status).toBe(201);
    const again = await me.post(`/api/congress/votes/${id}/ballots`, { choice: 'no' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('您已投过票，每位代表只能投一次');
    const other = await phone(delegates[1]);
    const both = await Promise.all([other.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' }), other.post(`/api/congress/votes/${id}/ballots`, { choice: 'no' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await chair.get(`/api/congress/votes/${id}`)).json).toMatchObject({ cast: 2, eligible: 44 });
    expect((await (await phone(delegates[2])).post(`/api/congress/votes/${id}/ballots`, { candidates: [a.memberId] })).status).toBe(422);
    const election = await newVote({ title: '选举', kind: 'election', secret: false, seats: 1, candidates: [a.memberId, b.memberId] });
    const tooMany = await (await phone(delegates[3])).post(`/api/congress/votes/${election}/ballots`, { candidates: [a.memberId, b.memberId] });
    expect(tooMany.json.error.message).toBe('最多只能选 1 人');
    expect((await (await phone(delegates[3])).post(`/api/congress/votes/${election}/ballots`, { candidates: [people[10].memberId] })).status).toBe(422);
    // The session's votes as the phones poll them: the open ones counted, each with its candidates in ballot order.
    const polled = (await me.get(`/api/congress/sessions/${ids.sessionId}/mine`)).json.votes as { id: string; cast: number; eligible: number; candidates: { memberId: string }[] }[];
    expect(polled.find((v) => v.id === id)).toMatchObject({ cast: 2, eligible: 44, candidates: [] });
    expect(polled.find((v) => v.id === election)!.candidates.map((c) => c.memberId)).toEqual([a.memberId, b.memberId]);
    await chair.post(`/api/congress/votes/${election}/close`);
    expect((await chair.post(`/api/congress/votes/${election}/close`)).status).toBe(409);
    expect((await chair.post(`/api/congress/votes/${election}/open`)).status).toBe(409);
    expect((await (await phone(delegates[4])).post(`/api/congress/votes/${election}/ballots`, { candidates: [a.memberId] })).status).toBe(409);
  });

  it('takes every ballot of a crowd voting in the same instant, while the chair closes, and counts exactly the ones accepted', async () => {
    const id = await newVote({ title: '集体合同草案', kind: 'resolution', secret: true });
    const crowd = await Promise.all(delegates.slice(0, 30).map((d) => phone(d)));
    const first = await Promise.all(crowd.slice(0, 20).map((p, i) => p.post(`/api/congress/votes/${id}/ballots`, { choice: i % 4 === 0 ? 'no' : 'yes' })));
    expect(first.map((r) => r.status)).toEqual(Array(20).fill(201));
    // Ten more press 提交 as the chair closes: each is either counted or refused, never stored uncounted.
    const [late, closed] = await Promise.all([Promise.all(crowd.slice(20).map((p) => p.post(`/api/congress/votes/${id}/ballots`, { choice: 'abstain' }))), chair.post(`/api/congress/votes/${id}/close`)]);
    expect(closed.status).toBe(200);
    const accepted = late.filter((r) => r.status === 201).length;
    expect(late.every((r) => r.status === 201 || (r.status === 409 && r.json.error.code === 'vote_state'))).toBe(true);
    expect(closed.json).toMatchObject({ cast: 20 + accepted, yes: 15, no: 5, abstain: accepted });
    const stored = await t.database.db.selectFrom('congress_ballots').select('id').where('vote_id', '=', id).execute();
    expect(stored).toHaveLength(20 + accepted);
  });

  it('refuses a guest, an absent delegate, and a delegate who arrived after the vote opened', async () => {
    await chair.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: delegates[43].memberId, present: false });
    const id = await newVote({ title: '列席与缺席', kind: 'resolution', secret: false });
    const guest = await phone(people[45]);
    const refused = await guest.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('not_eligible');
    const absent = await phone(delegates[43]);
    expect((await absent.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' })).status).toBe(403);
    await chair.post(`/api/congress/sessions/${ids.sessionId}/attendance`, { memberId: delegates[43].memberId, present: true });
    expect((await absent.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' })).status).toBe(403);
    const mine = (await absent.get(`/api/congress/sessions/${ids.sessionId}/mine`)).json;
    expect(mine.votes.find((v: { id: string }) => v.id === id)).toMatchObject({ onRoll: false, voted: false });
    // A 记名 (open) ballot names its voter; the chair's record shows it.
    expect((await (await phone(delegates[0])).post(`/api/congress/votes/${id}/ballots`, { choice: 'no' })).status).toBe(201);
    const rows = await t.database.db.selectFrom('congress_ballots').select(['voter_member_id', 'choice']).where('vote_id', '=', id).execute();
    expect(rows).toEqual([{ voter_member_id: delegates[0].memberId, choice: 'no' }]);
    // Two presses at once go in one commit: one ballot counts, the other is a second ballot (409), and a
    // guest's beside them is still refused as off the roll (403).
    const twice = await phone(delegates[1]);
    const [a, b, g] = await Promise.all([twice.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' }), twice.post(`/api/congress/votes/${id}/ballots`, { choice: 'no' }), guest.post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.json.error.code).toBe('already_voted');
    expect([g.status, g.json.error.code]).toEqual([403, 'not_eligible']);
  });

  it('keeps a secret ballot secret in the raw tables: no voter, no time, no order', async () => {
    const id = await newVote({ title: '无记名表决', kind: 'resolution', secret: true });
    // A known order: 10 yes, then 10 no, then 10 abstain.
    const order = delegates.slice(0, 30);
    await castAll(id, order.map((p, i) => [p, { choice: i < 10 ? 'yes' : i < 20 ? 'no' : 'abstain' }]));
    await chair.post(`/api/congress/votes/${id}/close`);
    const db = t.database.db;

    const ballots = await sql<Record<string, unknown>>`select * from congress_ballots where vote_id = ${id}`.execute(db);
    expect(ballots.rows).toHaveLength(30);
    expect(Object.keys(ballots.rows[0]).sort()).toEqual(['choice', 'id', 'vote_id', 'voter_member_id']);
    for (const row of ballots.rows) {
      expect(row.voter_member_id).toBeNull();
      expect(String(row.id)).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // not a time-ordered UUIDv7
    }
    const voters = await sql<Record<string, unknown>>`select * from congress_voters where vote_id = ${id}`.execute(db);
    expect(Object.keys(voters.rows[0]).sort()).toEqual(['member_id', 'vote_id', 'voted']);
    if (dialect === 'sqlite') {
      // No rowid, and the stored order is the random key's order, whatever order the ballots came in.
      await expect(sql`select rowid from congress_ballots`.execute(db)).rejects.toThrow();
      const sorted = await db.selectFrom('congress_ballots').select('id').where('vote_id', '=', id).orderBy('id').execute();
      expect(ballots.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    } else {
      // Rewritten at close in one transaction each: no row carries the transaction it was cast in.
      const xb = await sql<{ x: string }>`select distinct xmin::text as x from congress_ballots where vote_id = ${id}`.execute(db);
      const xv = await sql<{ x: string }>`select distinct xmin::text as x from congress_voters where vote_id = ${id}`.execute(db);
      expect(xb.rows).toHaveLength(1);
      expect(xv.rows).toHaveLength(1);
    }
    // Nothing in the audit log or anywhere else ties a voter to this vote after it opened.
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['close', 'create', 'open']);
    const voterUsers = await db.selectFrom('users').select('id').where('member_id', 'in', order.map((p) => p.memberId)).execute();
    const byVoters = await db.selectFrom('audit_log').select('action').where('actor_id', 'in', voterUsers.map((u) => u.id)).where('action', '!=', 'login').execute();
    expect(byVoters).toEqual([]);
  });

  it('exports the session record as .docx and the attendance list as .xlsx', async () => {
    const res = await chair.get(`/api/congress/sessions/${ids.sessionId}/record.docx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('第五届第二次会议-会议记录.docx'));
    const xml = await (await JSZip.loadAsync(res.raw)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('第五届第二次会议会议记录');
    expect(text).toContain('法定人数为 30 人');
    expect(text).toContain('财务工作报告（表决，记名）');
    expect(text).toContain('赞成 22 票，反对 8 票，弃权 0 票。结果：未通过。');
    expect(text).toContain('票数相同，需另行选举');
    expect(text).toContain('本次会议征集提案 0 件，立案 0 件（立案率 —）');
    expect(await (await JSZip.loadAsync(res.raw)).file('word/styles.xml')!.async('string')).toContain('Noto Sans CJK SC');
    const sheet = await chair.get(`/api/congress/sessions/${ids.sessionId}/attendance.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '工号', '代表团', '出席情况', '签到方式', '登记时间（UTC）']);
    expect(ws.rowCount).toBe(45);
    expect((await (await t.as('member')).get(`/api/congress/sessions/${ids.sessionId}/attendance.xlsx`)).status).toBe(403);
  });

  it('streams quorum and ballot counts to the projector as they change (counts only after closing)', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/congress/sessions/${ids.sessionId}/live`, { headers: { cookie: chair.cookie! } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const next = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '));
          if (data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value } = await reader.read();
        buffer += decoder.decode(value);
      }
    };
    const first = await next();
    expect(first.quorum).toMatchObject({ delegates: 44 });
    const id = await newVote({ title: '大屏表决', kind: 'resolution', secret: true });
    let snap = await next();
    while (!snap.votes.some((v: { id: string; status: string }) => v.id === id && v.status === 'open')) snap = await next();
    await (await phone(delegates[5])).post(`/api/congress/votes/${id}/ballots`, { choice: 'yes' });
    snap = await next();
    while (snap.votes.find((v: { id: string }) => v.id === id).cast !== 1) snap = await next();
    expect(snap.votes.find((v: { id: string }) => v.id === id).result).toBeNull();
    await reader.cancel();
  });
});
