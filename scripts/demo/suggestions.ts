import type { SessionUser } from '../../common/auth';
import type { SuggestionCategory } from '../../common/suggestions';
import type { Database } from '../../server/db/database';
import { localDate } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createDepartmentsService } from '../../server/modules/departments/departments.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { receiptHash } from '../../server/modules/suggestions/suggestions.receipt';
import { suggestionsRepo } from '../../server/modules/suggestions/suggestions.repo';
import { createSuggestionsService } from '../../server/modules/suggestions/suggestions.service';
import { DEMO_PASSWORD } from './school';

// A year of the 意见箱 at the demo school: named and anonymous mail to the principal, the union and the
// departments, answered (some twice), some written back to, some on the 回音壁, one linked to a
// proposal, a few still waiting (one overdue). Run through the real service, then dated back.

type Who = 'teacher' | 'leader' | 'retiree' | 'supervisor';
type Department = '教务处' | '德育处' | '总务处' | '办公室';

interface Plan {
  by: Who;
  anonymous: boolean;
  to: 'principal' | 'union' | Department;
  category: SuggestionCategory;
  title: string;
  content: string;
  daysAgo: number;
  /** Handler replies, and the writer's messages between them. */
  thread?: ({ reply: string } | { back: string })[];
  /** Days from the suggestion's date to its first reply. */
  answerAfter?: number;
  status?: 'in_progress' | 'closed';
  wall?: { question: string; answer: string };
  proposalTitle?: string;
}

const PLANS: Plan[] = [
  {
    by: 'teacher', anonymous: true, to: '总务处', category: 'logistics', daysAgo: 300, answerAfter: 3, status: 'closed',
    title: '食堂晚餐在晚自习结束前就关门', content: '晚自习值班到 19:00，食堂 18:30 就关门了，值班教师只能吃泡面。',
    thread: [{ reply: '自下周一起晚餐供应延长至 19:30，值班教师可在食堂窗口预约留餐。' }],
    wall: { question: '晚自习值班的老师吃不上晚饭怎么办？', answer: '食堂晚餐已延长至 19:30，值班教师可预约留餐。' },
  },
  {
    by: 'teacher', anonymous: false, to: 'principal', category: 'management', daysAgo: 270, answerAfter: 6,
    title: '初二年级教师办公室过于拥挤', content: '初二年级组 16 位老师挤在一间办公室，课间无法备课和谈话。建议把三楼闲置的资料室改为办公室。',
    thread: [{ reply: '已请总务处测量三楼资料室，寒假期间改造为第二办公室，开学即可使用。' }],
    wall: { question: '年级办公室太挤，能否增加办公室？', answer: '三楼资料室寒假改造为年级第二办公室，开学投入使用。' },
  },
  {
    by: 'leader', anonymous: true, to: 'union', category: 'welfare', daysAgo: 240, answerAfter: 4, status: 'closed',
    title: '建议工会组织一次教职工体检', content: '不少老师颈椎、咽喉有问题，很多人两年没有体检了。',
    thread: [{ reply: '工会已与区人民医院商定，11 月分三批安排全体教职工体检，费用由工会经费和学校共同承担。' }],
    wall: { question: '工会能否组织教职工体检？', answer: '11 月分三批在区人民医院体检，费用由工会和学校承担。' },
  },
  {
    by: 'retiree', anonymous: false, to: 'union', category: 'union', daysAgo: 220, answerAfter: 2, status: 'closed',
    title: '退休教师希望参加学校重阳节活动', content: '往年重阳节只发慰问品，退休老同志希望能回学校看看，和在职老师聚一聚。',
    thread: [{ reply: '今年重阳节工会将组织退休教师座谈会和校园参观，请留意通知。' }],
  },
  {
    by: 'leader', anonymous: false, to: '教务处', category: 'teaching', daysAgo: 200, answerAfter: 5,
    title: '期中考试监考安排过于集中', content: '数学组部分老师连续五场监考，其他组只有两场，建议按课时量均衡安排。',
    thread: [{ reply: '下次考试起按各组人数和课时量均衡安排监考，并提前一周公示。' }, { back: '希望公示时同时注明调换监考的办法。' }, { reply: '已补充：调换监考须双方签字后报教务处备案。' }],
  },
  {
    by: 'teacher', anonymous: true, to: '德育处', category: 'campus', daysAgo: 45, status: 'in_progress',
    title: '放学时校门口交通拥堵，有安全隐患', content: '放学时家长车辆停满校门口，学生穿行车流之间，建议设置临时接送区。',
  },
  {
    by: 'teacher', anonymous: false, to: '办公室', category: 'management', daysAgo: 160, answerAfter: 1, status: 'closed',
    title: '建议会议通知至少提前一天发布', content: '最近几次教职工会议都是当天中午才通知，有课的老师来不及调课。',
    thread: [{ reply: '已规定全校性会议至少提前一个工作日在工作群和校务公开栏通知。' }],
  },
  {
    by: 'retiree', anonymous: true, to: 'principal', category: 'management', daysAgo: 3,
    title: '希望学校发展规划向退休教师通报', content: '退休老同志关心学校发展，希望座谈会上能介绍学校的三年规划。',
  },
  {
    by: 'supervisor', anonymous: false, to: 'union', category: 'union', daysAgo: 120, answerAfter: 7,
    title: '绩效考核结果公示时间太短', content: '上学期考核结果只公示了两天，不少老师没看到。',
    thread: [{ reply: '工会已将此意见整理为提案，提交教代会提案工作委员会。' }],
    proposalTitle: '关于规范绩效考核结果公示的建议',
  },
  {
    by: 'teacher', anonymous: true, to: '总务处', category: 'logistics', daysAgo: 60, answerAfter: 2,
    title: '开水房周末不开放', content: '周末加班和住校的老师打不到开水。',
    thread: [{ reply: '已与物业商定，周六、周日 8:00—18:00 开放开水房。' }, { back: '谢谢！周日晚上住校生返校时也需要开水。' }],
  },
  {
    by: 'leader', anonymous: false, to: 'union', category: 'welfare', daysAgo: 1,
    title: '教师节慰问品建议改为体检套餐', content: '每年的慰问品大同小异，建议改为可选择的体检或健身卡（须符合经费规定）。',
  },
  {
    by: 'leader', anonymous: true, to: '教务处', category: 'teaching', daysAgo: 90, answerAfter: 8,
    title: '希望减少非教学类表格填报', content: '一学期要填二十多种表格，很多内容重复，占用大量备课时间。',
    thread: [{ reply: '教务处已清理合并表格，本学期起由 23 种减为 9 种，能从系统导出的不再手填。' }],
    wall: { question: '非教学类表格太多怎么办？', answer: '教务处已把表格从 23 种合并为 9 种，可导出的不再手填。' },
  },
  {
    by: 'supervisor', anonymous: false, to: 'union', category: 'welfare', daysAgo: 25,
    title: '建议在教职工之家设一间母婴室', content: '学校有十几位哺乳期的女教师，目前只能在卫生间或车里吸奶。',
  },
  {
    by: 'teacher', anonymous: false, to: '总务处', category: 'logistics', daysAgo: 40,
    title: '三楼教室空调报修后迟迟未修', content: '301、303 教室空调报修三周仍未修好，下午上课很闷热。',
  },
];

const DEPARTMENTS: [Department, 'handler' | 'principal'][] = [
  ['教务处', 'handler'],
  ['德育处', 'handler'],
  ['总务处', 'handler'],
  ['办公室', 'principal'],
];

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoSuggestions(database: Database): Promise<void> {
  const { db } = database;
  const orgs = createOrgsService(db);
  const auth = createAuthService(db, 1);
  const users: Record<string, SessionUser> = {};
  for (const name of ['admin', 'chair', 'leader', 'teacher', 'retiree', 'handler', 'supervisor', 'principal']) users[name] = (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const departments = createDepartmentsService(db);
  const suggestions = createSuggestionsService(database, orgs);

  const deptIds = {} as Record<Department, string>;
  for (const [name, handler] of DEPARTMENTS) deptIds[name] = (await departments.create(users.admin, { name, handlerUserIds: [users[handler].id] })).id;
  const handlerOf = (p: Plan) => users[p.to === 'union' ? 'chair' : p.to === 'principal' || p.to === '办公室' ? 'principal' : 'handler'];

  const today = localDate();
  for (const p of PLANS) {
    const to = p.to === 'principal' || p.to === 'union' ? p.to : deptIds[p.to];
    const sent = await suggestions.submit(users[p.by], { to, title: p.title, content: p.content, anonymous: p.anonymous, category: p.category, wallConsent: !!p.wall });
    const receipt = 'receipt' in sent ? sent.receipt : null;
    const id = receipt ? (await suggestionsRepo.findByReceipt(db, receiptHash(receipt)))!.id : (sent as { id: string }).id;
    const handler = handlerOf(p);
    for (const step of p.thread ?? []) {
      if ('reply' in step) await suggestions.reply(handler, id, step.reply);
      else if (receipt) await suggestions.receiptMessage(receipt, '127.0.0.1', step.back);
      else await suggestions.writeBack(users[p.by], id, step.back);
    }
    if (p.status) await suggestions.setStatus(handler, id, p.status);
    if (p.wall) await suggestions.publish(handler, id, { published: true, ...p.wall });
    if (p.proposalTitle) {
      const proposal = await db.selectFrom('proposals').select('id').where('title', '=', p.proposalTitle).executeTakeFirst();
      if (proposal) await suggestions.linkProposal(handler, id, proposal.id);
    }
    await backdate(database, id, shift(today, -p.daysAgo), p.answerAfter ?? 0);
  }
  // The anonymous mail of past days is announced and audited as the nightly job would have.
  await suggestions.releaseNotices();
}

/** Moves a suggestion and its thread back to `receivedOn`, the first reply `answerAfter` days later (demo data only). */
async function backdate(database: Database, id: string, receivedOn: string, answerAfter: number) {
  const { db } = database;
  const answered = shift(receivedOn, answerAfter);
  const row = await db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await db
    .updateTable('suggestions')
    .set({
      received_on: receivedOn,
      answered_on: row.answered_on ? answered : null,
      closed_on: row.closed_on ? shift(answered, 2) : null,
      wall_on: row.wall_on ? shift(answered, 3) : null,
      notice_on: row.notice_on ? receivedOn : null,
    })
    .where('id', '=', id)
    .execute();
  // One day between the messages of a thread; replies at 10:30 school time, named writers' at 20:00.
  const messages = await db.selectFrom('suggestion_messages').select(['id', 'seq', 'created_at']).where('suggestion_id', '=', id).orderBy('seq').execute();
  for (const [i, m] of messages.entries()) {
    const day = shift(answered, i);
    const at = m.created_at === null ? null : `${day}T${i % 2 ? '12:00' : '02:30'}:00.000Z`;
    await db.updateTable('suggestion_messages').set({ created_on: day, created_at: at }).where('suggestion_id', '=', id).where('id', '=', m.id).execute();
  }
}
