import { expect } from 'vitest';
import { localDate } from '../../lib/time';
import type { Client, School, TestApp } from '../../test/harness';

// Test setup for 困难帮扶: a 工会小组 led by 周组长, with 张困难 and 李困难 in it and 王别组 in another;
// the `member` account is 张困难, the `retiree` account 李困难 and the `group_leader` account 周组长.

export interface HardshipSchool {
  admin: Client;
  chair: Client;
  welfare: Client;
  committee: Client;
  leader: Client;
  member: Client;
  other: Client;
  auditor: Client;
  m: { zhang: string; li: string; wang: string; zhou: string };
  /** Today in the school's time zone, and its year. */
  today: string;
  year: number;
}

export async function setupHardship(t: TestApp, school: School = t.a): Promise<HardshipSchool> {
  const admin = await t.as('admin', school);
  const member = async (employeeNo: string, name: string, groupId?: string) => {
    const res = await admin.post('/api/members', { employeeNo, name, department: '数学组', ...(groupId ? { groupId } : {}) });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  };
  const zhou = await member('H000', '周组长');
  const group = await admin.post('/api/groups', { name: '数学小组', leaderMemberId: zhou });
  expect(group.status, JSON.stringify(group.json)).toBe(201);
  const otherGroup = await admin.post('/api/groups', { name: '语文小组' });
  const m = { zhou, zhang: await member('H001', '张困难', group.json.id), li: await member('H002', '李困难', group.json.id), wang: await member('H003', '王别组', otherGroup.json.id) };
  const link = (role: string, memberId: string) => t.database.db.updateTable('users').set({ member_id: memberId }).where('username', '=', school.users[role as 'member']).execute();
  await link('member', m.zhang);
  await link('retiree', m.li);
  await link('group_leader', m.zhou);
  const today = localDate('Asia/Shanghai');
  return {
    admin,
    chair: await t.as('chair', school),
    welfare: await t.as('welfare', school),
    committee: await t.as('committee', school),
    leader: await t.as('group_leader', school),
    member: await t.as('member', school),
    other: await t.as('retiree', school),
    auditor: await t.as('auditor', school),
    m,
    today,
    year: Number(today.slice(0, 4)),
  };
}

export const fileBody = (memberId: string, extra: Record<string, unknown> = {}) => ({
  memberId,
  level: 'ordinary',
  reasons: ['illness', 'schooling'],
  householdSize: 4,
  incomePerHead: 98765,
  situation: '配偶长期住院，两个孩子在读高中',
  notes: '委员会备注：已家访两次',
  reviewOn: '2030-06-01',
  ...extra,
});
