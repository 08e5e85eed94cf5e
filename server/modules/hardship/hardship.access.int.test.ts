import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';
import { fileBody, setupHardship, type HardshipSchool } from './hardship.fixture';

// Who may read a 困难档案 and an application, and who is refused: the chair and the 生活福利委员 read
// everything; the member reads their own file and applications without the committee's notes; a group
// leader applies for a member of their own 工会小组 but reads nothing; everyone else 404 (or 403 on lists).

describe.each(DIALECTS)('hardship access on %s', (dialect) => {
  let t: TestApp;
  let s: HardshipSchool;
  let fileId = '';
  beforeAll(async () => {
    t = await makeApp(dialect);
    s = await setupHardship(t);
    const res = await s.welfare.post('/api/hardship/files', fileBody(s.m.zhang));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    fileId = res.json.id;
  });
  afterAll(() => t.close());

  it('lets the chair and the welfare officer read the whole file, notes and trail included', async () => {
    for (const c of [s.chair, s.welfare]) {
      const res = await c.get(`/api/hardship/files/${fileId}`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ memberName: '张困难', level: 'ordinary', reasons: ['illness', 'schooling'], householdSize: 4, incomePerHead: 98765, notes: '委员会备注：已家访两次', status: 'open' });
      expect(res.json.events.map((e: { kind: string }) => e.kind)).toEqual(['file_create']);
    }
    expect((await s.chair.get('/api/hardship/files')).json.items.map((f: { id: string }) => f.id)).toEqual([fileId]);
  });

  it('lets the member read their own file without the committee’s notes or trail', async () => {
    const res = await s.member.get(`/api/hardship/files/${fileId}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ situation: '配偶长期住院，两个孩子在读高中', notes: null, events: [] });
    const mine = await s.member.get('/api/hardship/mine');
    expect(mine.json).toMatchObject({ memberId: s.m.zhang, file: { id: fileId, notes: null } });
    expect(JSON.stringify(mine.json)).not.toContain('委员会备注');
  });

  it('answers 404 to everyone else, another school’s chair included, and 403 on the lists', async () => {
    const b = await t.as('chair', t.b);
    for (const c of [s.leader, s.committee, s.auditor, s.other, b, await t.as('treasurer'), await t.as('principal')]) {
      expect((await c.get(`/api/hardship/files/${fileId}`)).status).toBe(404);
    }
    for (const c of [s.leader, s.committee, s.auditor, s.member]) {
      expect((await c.get('/api/hardship/files')).status).toBe(403);
      expect((await c.get('/api/hardship/applications')).status).toBe(403);
      expect((await c.get('/api/hardship/reminders')).status).toBe(403);
    }
    expect((await s.other.get('/api/hardship/mine')).json).toEqual({ memberId: s.m.li, file: null, applications: [], payments: [] });
    expect((await s.leader.patch(`/api/hardship/files/${fileId}`, { level: 'severe' })).status).toBe(403);
  });

  it('lets a group leader apply for a member of their own group, and for nobody else', async () => {
    const picker = (await s.leader.get('/api/hardship/applicable-members')).json.items.map((m: { name: string }) => m.name).sort();
    expect(picker).toEqual(['周组长', '张困难', '李困难'].sort());
    const res = await s.leader.post('/api/hardship/applications', { memberId: s.m.li, amount: 100000, reason: '孩子上大学学费' });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ memberName: '李困难', state: 'submitted', onBehalf: true, appliedByName: '周组长', reviewNote: null, fileId: null });
    // Reading it back (and the member's file) is the committee's, and the member's own.
    expect((await s.leader.get(`/api/hardship/applications/${res.json.id}`)).status).toBe(404);
    expect((await s.other.get(`/api/hardship/applications/${res.json.id}`)).status).toBe(200);
    expect((await s.member.get(`/api/hardship/applications/${res.json.id}`)).status).toBe(404);
    for (const memberId of [s.m.wang, 'no-such-member']) {
      const refused = await s.leader.post('/api/hardship/applications', { memberId, amount: 100000, reason: '困难' });
      expect(refused.status).toBe(404);
    }
    // A member applies for themself only; the committee (without hardship.manage) neither.
    expect((await s.member.post('/api/hardship/applications', { memberId: s.m.zhang, amount: 50000, reason: '医药费' })).status).toBe(201);
    expect((await s.member.post('/api/hardship/applications', { memberId: s.m.li, amount: 50000, reason: '医药费' })).status).toBe(404);
    expect((await s.committee.post('/api/hardship/applications', { memberId: s.m.li, amount: 50000, reason: '医药费' })).status).toBe(404);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const bad = await s.member.post('/api/hardship/applications', { memberId: s.m.zhang, amount: 0, reason: '' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toEqual({ amount: expect.any(String), reason: '此项必填' });
    const file = await s.welfare.post('/api/hardship/files', fileBody(s.m.li, { reasons: [], householdSize: 0, reviewOn: '2030-02-30' }));
    expect(file.status).toBe(422);
    expect(Object.keys(file.json.error.fields).sort()).toEqual(['householdSize', 'reasons', 'reviewOn']);
    expect((await s.welfare.post('/api/hardship/files', fileBody(s.m.zhang))).status).toBe(409);
    expect((await s.welfare.get('/api/hardship/files')).json.items).toHaveLength(1);
  });
});
