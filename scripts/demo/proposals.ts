import { sql } from 'kysely';
import type { SessionUser } from '../../common/auth';
import type { ProposalCategory } from '../../common/proposals';
import type { Database } from '../../server/db/database';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createCongressService } from '../../server/modules/congress/congress.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { createProposalsService } from '../../server/modules/proposals/proposals.service';
import { localDate } from '../../server/lib/time';
import { demoCalendar } from './random';
import { DEMO_PASSWORD } from './school';

interface Plan {
  by: string;
  cosigners: [string, string];
  title: string;
  category: ProposalCategory;
  reasons: string;
  measures: string;
  outcome: 'A' | 'B' | 'C' | 'assigned' | 'converted' | 'rejected';
  department?: string;
}

// Last August's proposals, as a school's 提案汇编 would list them, each carried to a realistic end.
const PAST: Plan[] = [
  { by: 'teacher', cosigners: ['leader', 'committee'], title: '关于延长食堂晚餐供应时间的建议', category: 'logistics', reasons: '晚自习结束前食堂已关门，值班教师只能自行解决晚餐。', measures: '晚餐供应延长至 19:30，或为晚自习值班教师留餐。', outcome: 'A', department: '总务处' },
  { by: 'leader', cosigners: ['teacher', 'chair'], title: '关于完善青年教师培养机制的建议', category: 'development', reasons: '近三年新进教师占比超过四成，师徒结对缺少考核与激励。', measures: '完善青蓝工程师徒协议，每学期开展一次展示课并纳入考核。', outcome: 'B', department: '教务处' },
  { by: 'committee', cosigners: ['teacher', 'leader'], title: '关于增设教职工子女课后托管的建议', category: 'welfare', reasons: '双职工教师下班晚，子女放学后无人照看。', measures: '利用空余教室开设教职工子女托管班，由工会协调志愿者。', outcome: 'C', department: '校长办公室' },
  { by: 'teacher', cosigners: ['committee', 'chair'], title: '关于更换部分教室多媒体设备的建议', category: 'campus', reasons: '初二年级 4 个教室投影仪老化，影响上课。', measures: '本学年内更换老化设备，建立报修台账。', outcome: 'assigned', department: '总务处' },
  { by: 'leader', cosigners: ['committee', 'teacher'], title: '关于规范绩效考核结果公示的建议', category: 'democracy', reasons: '考核结果公示时间短，部分教师未及时看到。', measures: '公示期不少于 5 个工作日，并在校务公开栏同步公示。', outcome: 'converted' },
  { by: 'chair', cosigners: ['leader', 'teacher'], title: '关于为个别教师调整课表的建议', category: 'other', reasons: '个别教师反映课表安排不合理。', measures: '请教务处个别调整。', outcome: 'rejected' },
];

// The coming session's window is open: three proposals wait for the committee (one of them the
// teacher's 代表团's), and a draft still gathers co-signers.
const CURRENT: (Omit<Plan, 'outcome' | 'department'> & { collective?: boolean; draft?: boolean })[] = [
  { by: 'leader', cosigners: ['teacher', 'committee'], title: '关于延长教师阅览室开放时间的建议', category: 'campus', reasons: '阅览室只在工作日 17:00 前开放，教师课后无法使用。', measures: '工作日开放至 20:00，周六上午开放。' },
  { by: 'committee', cosigners: ['leader', 'chair'], title: '关于完善教职工年度体检项目的建议', category: 'welfare', reasons: '现有体检项目多年未调整，缺少颈椎、甲状腺等教师常见病检查。', measures: '增加颈椎、甲状腺彩超等项目，并允许自选一项。' },
  { by: 'teacher', collective: true, cosigners: ['leader', 'committee'], title: '关于统一安排学科组集体备课时间的建议', category: 'teaching', reasons: '各学科组集体备课时间与课表冲突，组内教师难以到齐。', measures: '排课时为每个学科组预留每周一个固定的半天。' },
  { by: 'chair', draft: true, cosigners: ['leader', 'teacher'], title: '关于开设教职工心理健康讲座的建议', category: 'welfare', reasons: '教职工工作压力大，缺少心理疏导渠道。', measures: '每学期邀请专业人员开设两次讲座，并提供个别咨询。' },
];

const REPLIES = {
  A: { content: '自 9 月 1 日起晚餐供应延长至 19:30，值班教师可预约留餐。', rating: 'satisfied' },
  B: { content: '已修订《青蓝工程实施办法》，下学期起每学期开展师徒展示课。', rating: 'basically_satisfied' },
  C: { content: '学校暂无符合安全要求的空余场地和看护人员。', rating: 'basically_satisfied', explanation: '托管涉及安全责任与经费，本学年无法解决；工会将联系附近社区托管机构，为教职工争取优惠。' },
} as const;

/**
 * The past session's proposals, run through the real workflow, then dated back to that August so
 * figures by 学年 read as they would have (a demo-only shortcut: the workflow itself only runs "now").
 */
export async function seedDemoProposals(database: Database, pastSessionId: string, nextSessionId: string) {
  const { db } = database;
  const auth = createAuthService(db, 1);
  const users: Record<string, SessionUser> = {};
  for (const name of ['chair', 'committee', 'leader', 'teacher', 'handler']) users[name] = (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const proposals = createProposalsService(db, createOrgsService(db));
  const today = localDate();
  const cal = demoCalendar(today);
  await proposals.setWindow(users.chair, { sessionId: pastSessionId, opensOn: today, closesOn: today });

  const accepted: string[] = [];
  for (const p of PAST) {
    const draft = await proposals.create(users[p.by], { sessionId: pastSessionId, title: p.title, category: p.category, reasons: p.reasons, measures: p.measures });
    await proposals.invite(users[p.by], draft.id, p.cosigners.map((u) => users[u].memberId!));
    for (const u of p.cosigners) await proposals.respond(users[u], draft.id, true);
    await proposals.submit(users[p.by], draft.id);
    if (p.outcome === 'converted') await proposals.decideOne(users.chair, draft.id, { decision: 'converted', reason: '属于日常管理事项，转为意见建议交教务处办理。', publish: true });
    else if (p.outcome === 'rejected') await proposals.decideOne(users.chair, draft.id, { decision: 'rejected', reason: '涉及个人事务，不属于提案范围；已请教务处直接与提案人沟通。', publish: true });
    else {
      await proposals.decideOne(users.chair, draft.id, { decision: 'accepted', publish: true });
      await proposals.assign(users.chair, draft.id, { department: p.department!, handlerUserId: users.handler.id, deadline: today });
      accepted.push(draft.id);
      if (p.outcome !== 'assigned') {
        const r = REPLIES[p.outcome];
        await proposals.reply(users.handler, draft.id, { class: p.outcome, content: r.content, ...(p.outcome === 'B' ? { plannedDate: `${cal.pastYear + 1}-02-28` } : {}), ...('explanation' in r ? { explanation: r.explanation } : {}) });
        await proposals.rate(users[p.by], draft.id, r.rating);
      }
    }
  }
  await proposals.setWindow(users.chair, { sessionId: pastSessionId, opensOn: `${cal.pastYear}-07-01`, closesOn: `${cal.pastYear}-08-20` });
  await backdate(database, pastSessionId, cal, today);
  // The coming session is collecting proposals now.
  await proposals.setWindow(users.chair, { sessionId: nextSessionId, opensOn: cal.windowOpens, closesOn: cal.windowCloses });
  // Texts the committee and the handlers insert with one click.
  await proposals.createTemplate(users.chair, { kind: 'decision', name: '个人事务不予立案', body: '所提事项属个人事务，不属于提案范围，不予立案；已转请有关部门与您直接沟通。' });
  await proposals.createTemplate(users.chair, { kind: 'decision', name: '转为意见建议', body: '所提事项属日常管理工作，转为意见建议，交有关部门研究办理。' });
  await proposals.createTemplate(users.chair, { kind: 'reply', name: '列入计划', body: '感谢您的建议。经研究，该事项已列入学校工作计划，将于计划日期前完成，届时向您反馈。' });
  const delegationId = await makeHead(database, nextSessionId, users.teacher);
  for (const p of CURRENT) {
    const draft = await proposals.create(users[p.by], { sessionId: nextSessionId, title: p.title, category: p.category, reasons: p.reasons, measures: p.measures, ...(p.collective ? { delegationId } : {}) });
    await proposals.invite(users[p.by], draft.id, p.cosigners.map((u) => users[u].memberId!));
    // A draft has one co-signer so far; the others have both.
    for (const u of p.draft ? p.cosigners.slice(0, 1) : p.cosigners) await proposals.respond(users[u], draft.id, true);
    if (!p.draft) await proposals.submit(users[p.by], draft.id);
  }
}

/** Makes the teacher the head (团长) of their 代表团 in the session's term, so they can propose in its name. */
async function makeHead(database: Database, sessionId: string, teacher: SessionUser): Promise<string> {
  const { db } = database;
  const session = await db.selectFrom('congress_sessions').select('term_id').where('id', '=', sessionId).executeTakeFirstOrThrow();
  const delegate = await db.selectFrom('congress_delegates').select('delegation_id').where('term_id', '=', session.term_id).where('member_id', '=', teacher.memberId!).executeTakeFirstOrThrow();
  const congress = createCongressService(database, createOrgsService(db));
  await congress.terms.setDelegationHead({ orgId: teacher.org.id, userId: null, name: '演示数据' }, session.term_id, delegate.delegation_id!, teacher.memberId);
  return delegate.delegation_id!;
}

/** Moves every timestamp of the session's proposals into that August–October (demo data only). */
async function backdate(database: Database, sessionId: string, cal: ReturnType<typeof demoCalendar>, today: string) {
  const { db } = database;
  const shift = (col: string, day: string) => sql`${sql.ref(col)} = case when ${sql.ref(col)} is null then null else ${day} end`;
  await sql`update proposals set ${sql.join([shift('created_at', cal.at('08-10')), shift('submitted_at', cal.at('08-12')), shift('decided_at', cal.at('08-26')), shift('assigned_at', cal.at('09-03')), shift('closed_at', cal.at('10-20')), shift('updated_at', cal.at('10-20'))])}, deadline = case when deadline is null then null else ${`${cal.pastYear}-10-31`} end where session_id = ${sessionId}`.execute(db);
  const ids = sql`(select id from proposals where session_id = ${sessionId})`;
  await sql`update proposal_replies set created_at = ${cal.at('10-15')}, rated_at = case when rated_at is null then null else ${cal.at('10-20')} end where proposal_id in ${ids}`.execute(db);
  // The timeline reads the same story: each step on its day, and the deadline the proposal shows.
  const day = sql`case kind when 'created' then ${cal.at('08-10')} when 'invited' then ${cal.at('08-10', '03:00:00')} when 'cosigned' then ${cal.at('08-11', '03:00:00')} when 'declined' then ${cal.at('08-11', '03:00:00')} when 'submitted' then ${cal.at('08-12')} when 'decided' then ${cal.at('08-26')} when 'assigned' then ${cal.at('09-03')} when 'replied' then ${cal.at('10-15')} else ${cal.at('10-20')} end`;
  await sql`update proposal_events set at = ${day}, data = replace(data, ${`"deadline":"${today}"`}, ${`"deadline":"${cal.pastYear}-10-31"`}) where proposal_id in ${ids}`.execute(db);
  await sql`update proposal_cosigners set invited_at = ${cal.at('08-10', '03:00:00')}, responded_at = case when responded_at is null then null else ${cal.at('08-11', '03:00:00')} end where proposal_id in ${ids}`.execute(db);
}
