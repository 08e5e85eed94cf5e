import type { MemberInput, StaffCategory, Title } from '../../common/members';
import type { Role } from '../../common/permissions';
import type { Database } from '../../server/db/database';
import { hashPassword } from '../../server/lib/passwords';
import type { Actor } from '../../server/modules/audit/audit.repo';
import { insertGroup } from '../../server/modules/groups/groups.service';
import { createMembersService } from '../../server/modules/members/members.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { insertUser } from '../../server/modules/users/users.service';
import { chineseName, isoDay, mobile, seeded, type Rng } from './random';

export const DEMO_PASSWORD = 'Tongxin2025';

// A 初级中学 like the seeds' school: ~150 staff, mostly young teachers, and ~35 retirees.
const SUBJECT_GROUPS = ['语文组', '数学组', '英语组', '物理组', '化学组', '生物地理组', '政治历史组', '音体美组', '信息技术组'];
const GRADE_DEPARTMENTS = ['初一年级组', '初二年级组', '初三年级组'];

export interface DemoAccount {
  username: string;
  role: Role;
  who: string;
}

export interface DemoSchool {
  schoolId: string;
  unionId: string;
  accounts: DemoAccount[];
  /** Member ids in roster order: 128 teachers, 14 staff, 8 workers, then 35 retirees. */
  memberIds: string[];
  /** Member id of each demo account that is linked to a member. */
  memberOf: Record<string, string>;
}

function person(rng: Rng, n: number, group: string, category: StaffCategory, department: string, retired: boolean): MemberInput {
  const gender = rng.chance(category === 'teacher' ? 0.68 : 0.45) ? 'female' : 'male';
  const birthYear = retired ? rng.int(1941, 1964) : rng.chance(0.6) ? rng.int(1992, 2001) : rng.int(1968, 1991);
  const hireYear = Math.min(2025, birthYear + rng.int(22, 25));
  const age = 2025 - birthYear;
  const title: Title = category !== 'teacher' ? 'none' : age < 28 ? 'junior' : age < 40 ? rng.pick(['junior', 'intermediate'] as const) : age < 55 ? rng.pick(['intermediate', 'associate_senior'] as const) : rng.pick(['associate_senior', 'senior'] as const);
  return {
    employeeNo: `T${String(n).padStart(4, '0')}`,
    name: chineseName(rng, gender),
    gender,
    birthDate: isoDay(birthYear, rng.int(1, 12), rng.int(1, 28)),
    phone: mobile(rng),
    department,
    staffCategory: category,
    title,
    politicalStatus: rng.chance(0.32) ? '中共党员' : age < 28 && rng.chance(0.4) ? '共青团员' : '群众',
    hireDate: isoDay(hireYear, 9, 1),
    joinDate: isoDay(hireYear, 10, rng.int(8, 30)),
    status: retired ? 'retired' : 'active',
    groupId: group,
    hardshipLevel: 'none',
  };
}

/** Builds the demo organisation tree, school, groups, members and one account per role. */
export async function seedDemoSchool(database: Database, seed = 20250901): Promise<DemoSchool> {
  const rng = seeded(seed);
  const { db } = database;
  const orgs = createOrgsService(db);
  const members = createMembersService(database);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const union = await orgs.create(db, { name: '同心市教育工会', kind: 'union', parentId: null });
  const school = await orgs.create(db, { name: '同心市实验中学', kind: 'school', parentId: union.id });
  const actor: Actor = { orgId: school.id, userId: null, name: '演示数据' };

  const groupIds = new Map<string, string>();
  for (const name of [...SUBJECT_GROUPS, '行政组', '后勤组', '退休组']) groupIds.set(name, await insertGroup(db, actor, name));

  const people: MemberInput[] = [];
  let n = 1;
  for (let i = 0; i < 128; i++) {
    const group = SUBJECT_GROUPS[i % SUBJECT_GROUPS.length];
    people.push(person(rng, n++, group, 'teacher', rng.pick(GRADE_DEPARTMENTS), false));
  }
  for (let i = 0; i < 14; i++) people.push(person(rng, n++, '行政组', 'staff', rng.pick(['校长办公室', '教务处', '政教处', '总务处']), false));
  for (let i = 0; i < 8; i++) people.push(person(rng, n++, '后勤组', 'worker', '总务处', false));
  for (let i = 0; i < 35; i++) people.push(person(rng, n++, '退休组', rng.chance(0.8) ? 'teacher' : 'staff', '退休', true));
  people[20].hardshipLevel = 'ordinary';
  people[57].hardshipLevel = 'severe';
  people[152].hardshipLevel = 'ordinary';

  const ids: string[] = [];
  for (const p of people) ids.push((await members.create(actor, { ...p, groupId: groupIds.get(p.groupId!)! })).id);

  // Group leaders: the most senior teacher of each group.
  for (const [name, groupId] of groupIds) {
    const idx = people.findIndex((p) => p.groupId === name);
    await db.updateTable('member_groups').set({ leader_member_id: ids[idx] }).where('id', '=', groupId).execute();
  }

  const linked = (i: number) => ({ memberId: ids[i], who: people[i].name });
  const accounts: (DemoAccount & { memberId?: string; orgId: string })[] = [
    { username: 'admin', role: 'admin', who: '系统管理员', orgId: school.id },
    { username: 'chair', role: 'chair', orgId: school.id, ...linked(6) },
    { username: 'committee', role: 'committee', orgId: school.id, ...linked(15) },
    { username: 'leader', role: 'group_leader', orgId: school.id, ...linked(0) },
    { username: 'teacher', role: 'member', orgId: school.id, ...linked(9) },
    { username: 'retiree', role: 'retiree', orgId: school.id, ...linked(150) },
    { username: 'handler', role: 'handler', orgId: school.id, ...linked(129) },
    { username: 'principal', role: 'principal', orgId: school.id, ...linked(128) },
    { username: 'supervisor', role: 'supervisor', orgId: school.id, ...linked(33) },
    { username: 'district', role: 'upper_union', who: '同心市教育工会', orgId: union.id },
  ];
  for (const a of accounts) {
    await insertUser(db, { ...actor, orgId: a.orgId }, { username: a.username, password: DEMO_PASSWORD, memberId: a.memberId ?? null, roles: [a.role], mustChangePassword: false }, passwordHash);
  }
  return {
    schoolId: school.id,
    unionId: union.id,
    accounts: accounts.map(({ username, role, who }) => ({ username, role, who })),
    memberIds: ids,
    memberOf: Object.fromEntries(accounts.filter((a) => a.memberId).map((a) => [a.username, a.memberId!])),
  };
}
