import type { SessionUser } from '../../common/auth';
import type { MeetingInput } from '../../common/meetings';
import type { Database } from '../../server/db/database';
import { localDate } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createMeetingsService } from '../../server/modules/meetings/meetings.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { schoolYearOf } from '../../server/modules/proposals/proposals.stats';
import { DEMO_PASSWORD } from './school';

// This school year's meetings, recorded through the real service: two 行政办公会, a 教职工大会, a
// 工会委员会会议, a 小组会 and two 座谈会 — the retirees' one (the `retiree` account attended) raised
// three opinions: one went to the principal's 意见箱 in the union's name, one became a proposal draft
// for the 工会小组长 (a delegate) in the coming session, one waits. Dates fall between 1 September and today.

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function seedDemoMeetings(database: Database, nextSessionId: string): Promise<void> {
  const { db } = database;
  const orgs = createOrgsService(db);
  const meetings = createMeetingsService(db, orgs);
  const auth = createAuthService(db, 1);
  const as = async (name: string): Promise<SessionUser> => (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const [committee, leader] = [await as('committee'), await as('leader')];
  const orgId = committee.org.id;
  // The roster in 工号 order: 128 teachers, 14 staff, 8 workers, then 35 retirees (scripts/demo/school.ts).
  const m = (await db.selectFrom('members').select('id').where('org_id', '=', orgId).orderBy('employee_no').execute()).map((r) => r.id);
  const [principal, chair, committeeMember] = [m[128], m[6], m[15]];

  const today = localDate();
  const start = `${schoolYearOf(today)}-09-01`;
  const span = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY));
  /** A date `share` of the way from 1 September to today. */
  const on = (share: number) => addDays(start, Math.floor(span * share));
  const types = Object.fromEntries((await meetings.types(committee)).map((x) => [x.name, x.id]));
  const record = (input: Partial<MeetingInput> & Pick<MeetingInput, 'typeId' | 'title' | 'date'>) =>
    meetings.create(committee, { startTime: null, endTime: null, place: null, hostMemberId: null, memberIds: [], guests: [], agenda: [], minutes: '', decisions: [], ...input });

  await record({
    typeId: types['行政办公会'], title: '新学期第一次行政办公会', date: on(0), startTime: '08:30', endTime: '10:00', place: '校长办公室', hostMemberId: principal,
    memberIds: [principal, chair, m[129], m[130], m[131], m[33]],
    agenda: ['新学期开学工作安排', '教师节表彰方案', '校务公开第一期内容'],
    minutes: '<p>校长部署开学各项工作；工会主席通报教师节慰问和表彰安排。</p>',
    decisions: ['9 月 10 日召开教师节表彰大会', '校务公开第一期于 9 月中旬发布'],
  });
  await record({
    typeId: types['教职工大会'], title: '全校教职工大会', date: on(0.05), startTime: '15:30', endTime: '17:00', place: '学术报告厅', hostMemberId: chair,
    memberIds: m.slice(0, 150),
    agenda: ['学习《学校教职工代表大会规定》', '通报本学年工作计划', '表彰优秀教师'],
    minutes: '<p>全体教职工学习教代会有关规定，校长通报本学年工作计划，表彰 12 名优秀教师。</p>',
    decisions: ['本学年教代会于学期中召开，提案征集同步开始'],
  });
  await record({
    typeId: types['工会委员会会议'], title: '工会委员会第三次会议', date: on(0.3), startTime: '16:00', place: '工会活动室', hostMemberId: chair,
    memberIds: [chair, committeeMember, m[20], m[40], m[0]],
    agenda: ['重阳节退休教师慰问方案', '筹备退休教师座谈会'],
    minutes: '<p>讨论重阳节慰问标准（按省工会标准执行）和座谈会邀请名单。</p>',
    decisions: ['重阳节前走访全部退休教师', '座谈会请校长到会听取意见'],
  });
  await record({
    typeId: types['小组会'], title: '语文组工会小组会', date: on(0.45), startTime: '12:30', place: '语文组办公室', hostMemberId: m[0],
    memberIds: [m[0], m[1], m[2], m[3], m[4], m[5], m[9]],
    agenda: ['学习校务公开第一期内容', '收集对教代会的提案建议'],
    decisions: ['推荐集体备课时间提案由代表团长提出'],
  });
  await record({
    typeId: types['行政办公会'], title: '期中工作行政办公会', date: on(0.6), startTime: '08:30', place: '校长办公室', hostMemberId: principal,
    memberIds: [principal, chair, m[129], m[130], m[131]],
    agenda: ['期中考试安排', '退休教师座谈会意见的办理'],
    decisions: ['退休教师体检事宜由工会与校长办公室共同落实'],
  });
  await record({
    typeId: types['座谈会'], title: '青年教师座谈会', date: on(0.7), startTime: '16:00', place: '会议室', hostMemberId: chair,
    memberIds: m.slice(100, 112),
    agenda: ['青年教师成长需求', '青蓝工程师徒结对'],
    minutes: '<p>青年教师希望增加外出培训和展示课机会。</p>',
  });

  const retirees = m.slice(150, 162);
  const forum = await record({
    typeId: types['座谈会'], title: '退休教师座谈会', date: on(0.5), startTime: '09:00', endTime: '11:00', place: '三楼会议室', hostMemberId: chair,
    memberIds: [...retirees, principal, chair],
    guests: [{ name: '陈主任', unit: '区教育工会' }],
    agenda: ['校长通报学校发展规划', '听取退休教师意见建议', '重阳节慰问'],
    minutes: '<p>校长通报了学校三年发展规划和校园改造计划。退休教师对学校发展表示关心，提出了体检、活动场地和订阅报刊等方面的意见。</p><p>工会主席代表学校向退休教师致以节日问候。</p>',
    decisions: ['每学期召开一次退休教师座谈会', '会上意见由工会分别转交办理，下次座谈会通报结果'],
  });
  const opinion = async (memberId: string, content: string) => (await meetings.addOpinion(committee, forum.id, { memberId, guestName: null, content })).opinionList.at(-1)!.id;
  const checkup = await opinion(retirees[0], '希望学校每年组织一次退休教师健康体检，并增加老年人常见病检查项目。');
  const room = await opinion(retirees[3], '建议在校内设立退休教师活动室，方便大家返校交流、读书看报。');
  await opinion(retirees[6], '希望学校继续为退休教师订阅《中国教育报》等报刊。');
  await meetings.toSuggestion(committee, forum.id, checkup, { to: 'principal', category: 'welfare', title: '关于组织退休教师年度体检的建议' });
  await meetings.toProposal(committee, forum.id, room, { sessionId: nextSessionId, proposerMemberId: leader.memberId!, title: '关于设立退休教师活动室的建议', category: 'welfare' });
}
