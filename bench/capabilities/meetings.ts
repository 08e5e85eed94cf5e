import { DEFAULT_MEETING_TYPES } from '../../common/meetings';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { DATASET_END, dayOfYear, stamp } from '../dataset/dates';
import { forgetAudit } from '../dataset/reset';
import { LAST_YEAR } from '../dataset/scales';
import { staffOf } from './ground';

// 会议与座谈会 (三次行政办公会, 三次全校教职工大会, 三次座谈会 a term in the seed): 12–22 meetings a
// school year of the five default types — 行政办公会 of the school's leaders, 教职工大会 of all active
// staff, 工会委员会会议 of the union's officers, 座谈会 with retirees (and a guest from the 区教育工会) or
// with young teachers, 小组会 of one 工会小组 — each with its attendees, agenda, minutes, decisions and
// the opinions raised (three to five at a 座谈会).

type TypeName = (typeof DEFAULT_MEETING_TYPES)[number];
const PER_YEAR: Record<TypeName, [number, number]> = { 行政办公会: [3, 6], 教职工大会: [2, 3], 工会委员会会议: [3, 5], 座谈会: [2, 4], 小组会: [2, 4] };
const PLACES: Record<TypeName, string> = { 行政办公会: '校长办公室', 教职工大会: '学术报告厅', 工会委员会会议: '工会活动室', 座谈会: '三楼会议室', 小组会: '年级组办公室' };
const AGENDA: Record<TypeName, string[]> = {
  行政办公会: ['本月工作安排', '校务公开内容审议', '教代会提案办理进度'],
  教职工大会: ['通报学校工作计划', '学习《学校教职工代表大会规定》', '表彰优秀教师'],
  工会委员会会议: ['节日慰问方案', '困难职工帮扶名单', '文体活动安排'],
  座谈会: ['通报学校发展规划', '听取意见建议'],
  小组会: ['学习校务公开内容', '收集对教代会的提案建议'],
};
const OPINIONS = ['希望学校每年组织一次健康体检，并增加常见病检查项目。', '建议设立教职工活动室，方便交流、读书看报。', '希望继续订阅《中国教育报》等报刊。', '建议增加外出培训和展示课的机会。', '食堂饭菜品种希望再丰富一些。'];

export interface MeetingsManifest {
  typical: { committee: string; meetingId: string; schoolYear: number; typeId: string; chairId: string; officerIds: string[] };
}

/** Who comes to a meeting of `type` (members), and who hosts it. */
function attendance(g: GenContext, school: SchoolFact, type: TypeName): { host: MemberFact; members: MemberFact[]; guests: { name: string; unit: string }[] } {
  const { rng } = g;
  const o = school.officers;
  const active = school.members.filter((m) => m.active);
  const some = (from: MemberFact[], n: number) => Array.from({ length: Math.min(n, from.length) }, () => rng.pick(from));
  const union = [o.chair, ...o.committee, o.supervisor, o.rights, o.welfare, o.treasurer];
  switch (type) {
    case '行政办公会':
      return { host: o.principal, members: [o.principal, o.chair, ...school.members.slice(3, 5), ...some(active, rng.int(2, 4))], guests: [] };
    case '教职工大会':
      return { host: o.chair, members: active, guests: [] };
    case '工会委员会会议':
      return { host: o.chair, members: union, guests: [] };
    case '座谈会': {
      const retirees = school.members.filter((m) => !m.active);
      return retirees.length && rng.chance(0.5)
        ? { host: o.chair, members: [...retirees.slice(0, 12), o.principal, o.chair], guests: [{ name: '陈主任', unit: '区教育工会' }] }
        : { host: o.chair, members: [...some(active, 12), o.chair], guests: [] };
    }
    case '小组会': {
      const group = rng.pick(school.groups);
      const members = school.members.filter((m) => m.groupId === group.id).slice(0, 15);
      return { host: members[0] ?? o.chair, members: members.length ? members : [o.chair], guests: [] };
    }
  }
}

async function meeting(g: GenContext, school: SchoolFact, typeId: string, type: TypeName, year: number): Promise<string> {
  const { rng } = g;
  const org_id = school.id;
  const id = g.id();
  const date = dayOfYear(rng, year, 0, 330);
  const { host, members, guests } = attendance(g, school, type);
  const people = [...new Set(members)];
  const by = school.officers.committee[0];
  await g.insert('meetings', [{
    id, org_id, type_id: typeId, title: `${Number(date.slice(5, 7))}月${type}`, date, start_time: rng.pick(['08:30', '12:30', '15:30', '16:00']), end_time: null, place: PLACES[type],
    host_member_id: host.id, agenda: JSON.stringify(AGENDA[type]), decisions: JSON.stringify(['会上意见由工会分别转交办理，下次会议通报结果']),
    minutes: `<p>会议由${host.name}主持，围绕${AGENDA[type][0]}等议题进行了讨论。</p>`, created_by: by.userId, created_by_name: by.name, created_at: stamp(date, 0, '09:00:00'), updated_at: stamp(date, 0, '09:00:00'),
  }]);
  await g.insert('meeting_attendees', [
    ...people.map((m, k) => ({ id: g.id(), org_id, meeting_id: id, position: k + 1, member_id: m.id, guest_name: null, guest_unit: null })),
    ...guests.map((x, k) => ({ id: g.id(), org_id, meeting_id: id, position: people.length + k + 1, member_id: null, guest_name: x.name, guest_unit: x.unit })),
  ]);
  const opinions = type === '座谈会' ? rng.int(3, 5) : type === '教职工大会' ? rng.int(0, 3) : rng.int(0, 1);
  await g.insert('meeting_opinions', Array.from({ length: opinions }, (_, k) => ({
    id: g.id(), org_id, meeting_id: id, member_id: rng.pick(people).id, guest_name: null, content: rng.pick(OPINIONS),
    target_kind: null, target_id: null, converted_on: null, created_at: stamp(date, 0, `09:0${k}:00`),
  })));
  return id;
}

export const meetings: Capability = {
  name: 'meetings',

  async generate(g) {
    const { typical, made } = await eachSchool(g, async (school) => {
      const created = stamp(`${g.world.years[0]}-09-01`);
      const types = DEFAULT_MEETING_TYPES.map((name, k) => ({ id: g.id(), org_id: school.id, name, position: k + 1, retired_at: null, created_at: created, updated_at: created }));
      await g.insert('meeting_types', types);
      let assembly = '';
      for (const year of g.world.years) {
        for (const t of types) {
          for (let n = g.rng.int(...PER_YEAR[t.name]); n > 0; n--) {
            const id = await meeting(g, school, t.id, t.name, year);
            if (t.name === '教职工大会') assembly = id;
          }
        }
      }
      return { assembly, union: types.find((t) => t.name === '工会委员会会议')!.id };
    });
    const o = typical.officers;
    const manifest: MeetingsManifest = {
      typical: {
        committee: o.committee[0].username, meetingId: made.assembly, schoolYear: LAST_YEAR, typeId: made.union,
        chairId: o.chair.id, officerIds: [o.chair, ...o.committee, o.supervisor, o.rights, o.welfare, o.treasurer].map((m) => m.id),
      },
    };
    g.manifest.meetings = manifest;
  },

  paths(m) {
    const t = (m.meetings as MeetingsManifest).typical;
    const { orgId } = staffOf(m);
    const benchMeetings = (db: Db) => db.selectFrom('meetings').select('id').where('org_id', '=', orgId).where('created_at', '>=', DATASET_END);
    return [
      { name: "meetings: the year's list", kind: 'read', accounts: [t.committee], request: () => ({ method: 'GET', url: `/api/meetings?schoolYear=${t.schoolYear}&page=1&pageSize=20`, as: 0 }) },
      { name: 'meetings: a 教职工大会 with its attendees', kind: 'read', accounts: [t.committee], request: () => ({ method: 'GET', url: `/api/meetings/${t.meetingId}`, as: 0 }) },
      {
        name: 'meetings: record a 工会委员会会议',
        kind: 'write',
        accounts: [t.committee],
        request: () => ({
          method: 'POST',
          url: '/api/meetings',
          body: {
            typeId: t.typeId, title: '工会委员会会议', date: `${LAST_YEAR + 2}-03-12`, startTime: '16:00', endTime: '17:00', place: '工会活动室', hostMemberId: t.chairId,
            memberIds: t.officerIds, guests: [], agenda: ['重阳节退休教师慰问方案'], minutes: '<p>讨论重阳节慰问标准和座谈会邀请名单。</p>', decisions: ['重阳节前走访全部退休教师'],
          },
          as: 0,
        }),
        // A request still in flight from the run before may add a meeting between the two deletes: only
        // meetings left without attendees go (the rest at the next reset), so no foreign key is broken.
        reset: async (db: Db) => {
          await db.deleteFrom('meeting_attendees').where('org_id', '=', orgId).where('meeting_id', 'in', benchMeetings(db)).execute();
          await db
            .deleteFrom('meetings')
            .where('org_id', '=', orgId)
            .where('created_at', '>=', DATASET_END)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('meeting_attendees as a').select('a.id').where('a.org_id', '=', orgId).whereRef('a.meeting_id', '=', 'meetings.id'))))
            .execute();
          await forgetAudit(db, orgId, 'meeting');
        },
      },
    ];
  },
};
