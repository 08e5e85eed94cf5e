import type { Role } from '../../common/permissions';
import { pinyin } from 'pinyin-pro';
import { nameSearchKeys, namePinyin } from '../../server/lib/pinyin';
import { chineseName, isoDay, mobile } from '../../scripts/demo/random';
import { BENCH_PASSWORD, type Capability } from '../capability';
import type { GenContext, MemberFact, SchoolFact } from '../dataset/context';
import { LAST_YEAR } from '../dataset/scales';

// The ground floor: the organisation tree, schools with their union groups, members (with the search
// keys the members repo writes) and one account per member, as a school that has issued accounts has.

const SUBJECTS = ['语文组', '数学组', '英语组', '物理组', '化学组', '生物组', '地理组', '政治组', '历史组', '音体美组', '信息技术组'];
const GRADES = ['一年级组', '二年级组', '三年级组', '四年级组', '五年级组', '六年级组'];
const OFFICES = ['校长办公室', '教务处', '政教处', '总务处'];
const HANDLER_DEPARTMENTS = ['总务处', '教务处', '校长办公室'];
// The first ten members hold the union's offices (always active): 0 chair, 1–2 committee, 3–5 the
// departments' handlers (5 heads the 校长办公室 and reads the principal's mail), 6–9 the officers below.
const OFFICER_ROLES: Partial<Record<number, Role>> = { 5: 'principal', 6: 'supervisor', 7: 'rights', 8: 'welfare', 9: 'treasurer' };

export interface GroundManifest {
  typical: { orgId: string; chair: string; admin: string; members: { username: string; userId: string; memberId: string }[]; initials: string; name: string };
}

// Names repeat a lot across 300,000 members; pinyin-pro is the slow part of a member row.
const keysOf = new Map<string, { pinyin: string; keys: string[] }>();
const searchKeys = (name: string) => {
  let k = keysOf.get(name);
  if (!k) keysOf.set(name, (k = { pinyin: namePinyin(name), keys: nameSearchKeys(name) }));
  return k;
};

async function school(g: GenContext, parentId: string, code: string, name: string, size: number): Promise<SchoolFact> {
  const { rng } = g;
  const created = `${g.world.years[0] - 1}-08-20T01:00:00.000Z`;
  const orgId = g.id();
  await g.insert('orgs', [{ id: orgId, parent_id: parentId, name, kind: 'school', settings: '{}', created_at: created, updated_at: created }]);

  const groupCount = Math.min(SUBJECTS.length + 3, Math.max(4, Math.round(size / 14)));
  const names = [...SUBJECTS.slice(0, groupCount - 3), '行政组', '后勤组', '退休组'];
  const groups = names.map((n) => ({ id: g.id(), name: n }));
  const [office, support, retired] = groups.slice(-3);
  const subjects = groups.slice(0, -3);

  const members: MemberFact[] = [];
  const memberRows = [];
  const keyRows = [];
  for (let i = 0; i < size; i++) {
    // The first ten hold the union's offices and answer proposals: always active.
    const active = i < 10 || !rng.chance(0.19);
    const r = rng.next();
    const category = i >= 3 && i < 6 ? 'staff' : r < 0.85 ? 'teacher' : r < 0.94 ? 'staff' : 'worker';
    const female = rng.chance(category === 'teacher' ? 0.68 : 0.45);
    const birthYear = active ? rng.int(1966, 2001) : rng.int(1941, 1965);
    const birthDate = isoDay(birthYear, rng.int(1, 12), rng.int(1, 28));
    const marked = rng.chance(0.02) ? 'ordinary' : rng.chance(0.005) ? 'severe' : 'none';
    // The typical school has a 特困 family whatever the draw (the hardship paths read its file).
    const hardship = code === 'sch1' && i === 10 ? 'severe' : marked;
    const hireYear = Math.min(LAST_YEAR, birthYear + rng.int(22, 25));
    const age = LAST_YEAR - birthYear;
    const group = !active ? retired : category === 'teacher' ? subjects[i % subjects.length] : category === 'staff' ? office : support;
    const id = g.id();
    const person = chineseName(rng, female ? 'female' : 'male');
    const { pinyin, keys } = searchKeys(person);
    memberRows.push({
      id,
      org_id: orgId,
      employee_no: `T${String(i + 1).padStart(4, '0')}`,
      name: person,
      name_pinyin: pinyin,
      gender: female ? 'female' : 'male',
      birth_date: birthDate,
      phone: mobile(rng),
      department: !active ? '退休' : category === 'teacher' ? rng.pick(GRADES) : i >= 3 && i < 6 ? HANDLER_DEPARTMENTS[i - 3] : rng.pick(OFFICES),
      staff_category: category,
      title: category !== 'teacher' ? 'none' : age < 28 ? 'junior' : age < 40 ? 'intermediate' : age < 55 ? 'associate_senior' : 'senior',
      political_status: rng.chance(0.32) ? '中共党员' : '群众',
      hire_date: isoDay(hireYear, 9, 1),
      join_date: isoDay(hireYear, 10, rng.int(8, 30)),
      status: active ? 'active' : 'retired',
      group_id: group.id,
      hardship_level: hardship,
      created_at: created,
      updated_at: created,
      deleted_at: null,
    });
    for (const key of keys) keyRows.push({ org_id: orgId, key, member_id: id });
    members.push({ id, name: person, teacher: category === 'teacher', active, groupId: group.id, userId: g.id(), username: `${code}.t${String(i + 1).padStart(4, '0')}`, female, birthDate, hardship });
  }
  await g.insert('members', memberRows);
  await g.insert('member_search_keys', keyRows);
  await g.insert('member_groups', groups.map((gr) => ({ id: gr.id, org_id: orgId, name: gr.name, leader_member_id: members.find((m) => m.groupId === gr.id)?.id ?? null, note: null, created_at: created, updated_at: created })));

  const leaders = new Set(groups.map((gr) => members.find((m) => m.groupId === gr.id)?.id));
  const roleOf = (m: MemberFact, i: number): Role => (i === 0 ? 'chair' : i < 3 ? 'committee' : i < 6 ? 'handler' : !m.active ? 'retiree' : leaders.has(m.id) ? 'group_leader' : 'member');
  const rolesOf = (m: MemberFact, i: number): Role[] => [roleOf(m, i), ...(OFFICER_ROLES[i] ? [OFFICER_ROLES[i]] : [])];
  const user = (id: string, username: string, memberId: string | null, roles: Role[]) => ({
    id, org_id: orgId, username, password_hash: g.passwordHash, member_id: memberId, roles: JSON.stringify(roles),
    must_change_password: 0, disabled: 0, last_login_at: null, created_at: created, updated_at: created,
  });
  await g.insert('users', [user(g.id(), `${code}.admin`, null, ['admin']), ...members.map((m, i) => user(m.userId, m.username, m.id, rolesOf(m, i)))]);

  // The 承办 departments, each answered by its handler (意见箱 mail, 权益诉求 forwarded to it).
  const departments = HANDLER_DEPARTMENTS.map((department, k) => ({ id: g.id(), department, handler: members[3 + k] }));
  await g.insert('departments', departments.map((d) => ({ id: d.id, org_id: orgId, name: d.department, deleted_at: null, created_at: created, updated_at: created })));
  await g.insert('department_handlers', departments.map((d) => ({ org_id: orgId, department_id: d.id, user_id: d.handler.userId })));

  const fact: SchoolFact = {
    id: orgId, code, name, members, groups, chairUserId: members[0].userId,
    officers: { chair: members[0], committee: members.slice(1, 3), principal: members[5], supervisor: members[6], rights: members[7], welfare: members[8], treasurer: members[9] },
    handlers: departments.map((d) => ({ userId: d.handler.userId, name: d.handler.name, department: d.department, departmentId: d.id })),
  };
  g.world.schools.push(fact);
  return fact;
}

/**
 * The typical school's active staff, for write paths that go round them (one account after another);
 * `officers: false` leaves out the union's ten officers (the first ten), who see and get more.
 */
export function staffOf(m: Record<string, any>, { officers = true } = {}) {
  const t = (m.ground as GroundManifest).typical;
  const members = t.members.slice(officers ? 0 : 10);
  return { orgId: t.orgId, usernames: members.map((x) => x.username), userIds: members.map((x) => x.userId), memberIds: members.map((x) => x.memberId) };
}

export const ground: Capability = {
  name: 'ground',

  async generate(g) {
    const { rng, scale } = g;
    g.world.years = Array.from({ length: scale.years }, (_, i) => LAST_YEAR - scale.years + 1 + i);
    const created = `${g.world.years[0] - 1}-08-01T01:00:00.000Z`;
    const org = async (name: string, parentId: string | null) => {
      const id = g.id();
      await g.insert('orgs', [{ id, parent_id: parentId, name, kind: 'union', settings: '{}', created_at: created, updated_at: created }]);
      return id;
    };
    const top = await org(scale.cityUnions ? '同心省教育工会' : '同心市教育工会', null);
    const cities = scale.cityUnions ? await Promise.all(Array.from({ length: scale.cityUnions }, (_, i) => org(`同心省第${i + 1}市教育工会`, top))) : [top];

    const typical = await school(g, cities[0], 'sch1', '同心市实验中学', scale.typical);
    await school(g, cities[0], 'hall', '同心大学', scale.hall);
    for (let n = 2; n <= scale.schools; n++) {
      const size = 40 + Math.round(220 * ((rng.next() + rng.next()) / 2));
      await school(g, cities[n % cities.length], `s${n}`, `同心第${n}${n % 3 ? '小学' : '中学'}`, size);
    }

    const active = typical.members.filter((m) => m.active);
    const manifest: GroundManifest = {
      typical: {
        orgId: typical.id,
        chair: typical.members[0].username,
        admin: `${typical.code}.admin`,
        members: active.map((m) => ({ username: m.username, userId: m.userId, memberId: m.id })),
        // What a clerk types: two initials ("zx"), or a surname and one more character ("张晓").
        initials: pinyin(typical.members[10].name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').slice(0, 2),
        name: [...typical.members[20].name].slice(0, 2).join(''),
      },
    };
    g.manifest.ground = manifest;
  },

  paths(m) {
    const t = (m.ground as GroundManifest).typical;
    const chair = [t.chair];
    return [
      {
        name: 'auth: sign in',
        kind: 'write',
        accounts: [],
        request: (i) => {
          const u = t.members[i % t.members.length];
          return { method: 'POST', url: '/api/auth/login', body: { username: u.username, password: BENCH_PASSWORD }, vars: { username: u.username, userId: u.userId } };
        },
      },
      { name: 'members: search by initials', kind: 'read', main: true, accounts: chair, request: () => ({ method: 'GET', url: `/api/members?q=${t.initials}`, as: 0 }) },
      { name: 'members: search by name', kind: 'read', main: true, accounts: chair, request: () => ({ method: 'GET', url: `/api/members?q=${encodeURIComponent(t.name)}`, as: 0 }) },
      { name: 'members: list page 3 by name', kind: 'read', main: true, accounts: chair, request: () => ({ method: 'GET', url: '/api/members?page=3&pageSize=20&sort=name', as: 0 }) },
    ];
  },
};
