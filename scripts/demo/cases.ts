import type { SessionUser } from '../../common/auth';
import type { CaseCategory, CaseOutcome } from '../../common/cases';
import { sql } from 'kysely';
import type { Database } from '../../server/db/database';
import { hashPassword } from '../../server/lib/passwords';
import { localDate } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createCasesService } from '../../server/modules/cases/cases.service';
import { insertUser } from '../../server/modules/users/users.service';
import { DEMO_PASSWORD, type DemoAccount } from './school';

// 权益诉求 at the demo school, run through the real service (so every step is on the timeline, audited
// and notified), then dated back so the inbox reads like a real term: cases in every state, one
// forwarded case past its deadline, one sent back once as "not resolved", one opened from an anonymous
// 意见箱 letter. Adds the 权益保障委员 account `rights`. Runs after the 意见箱 demo (its departments).

type Step =
  | { do: 'triage'; day: number }
  | { do: 'forward'; day: number; to: '教务处' | '总务处'; deadline: number }
  | { do: 'respond'; day: number; body: string }
  | { do: 'explain'; day: number; outcome: CaseOutcome; body: string }
  | { do: 'not_resolved'; day: number; reason: string }
  | { do: 'confirm'; day: number; rating: number; comment?: string };

interface Plan {
  by: 'teacher' | 'leader' | 'retiree' | 'supervisor' | 'treasurer' | 'auditor';
  category: CaseCategory;
  title: string;
  content: string;
  /** Days from today (negative: in the past). */
  raised: number;
  steps: Step[];
}

const PLANS: Plan[] = [
  { by: 'leader', category: 'leave', title: '产假期间绩效工资如何计算', content: '今年休产假，想了解产假期间绩效工资和班主任津贴怎么计发。', raised: -1, steps: [] },
  { by: 'retiree', category: 'medical', title: '退休教师体检希望增加骨密度检查', content: '退休教师年龄大，希望年度体检增加骨密度和颈动脉彩超。', raised: -4, steps: [{ do: 'triage', day: -3 }] },
  {
    by: 'supervisor', category: 'housing', title: '教师周转房卫生间漏水多次报修未修', content: '周转房 2 栋 302 卫生间漏水到楼下，报修三次仍未处理。', raised: -10,
    steps: [{ do: 'triage', day: -9 }, { do: 'forward', day: -8, to: '总务处', deadline: 6 }],
  },
  {
    by: 'teacher', category: 'title', title: '职称评审中课题成果认定标准不清楚', content: '区级课题结题证书是否可以作为职称评审的科研成果，学校文件没有写清楚。', raised: -30,
    steps: [{ do: 'triage', day: -29 }, { do: 'forward', day: -28, to: '教务处', deadline: -7 }],
  },
  {
    by: 'treasurer', category: 'safety', title: '化学实验室通风橱老化', content: '化学实验室两台通风橱排风很弱，做实验时气味很大。', raised: -20,
    steps: [{ do: 'triage', day: -19 }, { do: 'forward', day: -18, to: '总务处', deadline: -4 }, { do: 'respond', day: -5, body: '已报请教育局装备站，寒假期间更换两台通风橱；更换前暂停相关演示实验。' }],
  },
  {
    by: 'teacher', category: 'schooling', title: '孩子就近入学学位紧张', content: '孩子明年上小学，户籍地学校学位已满，想了解教师子女就近入学政策。', raised: -40,
    steps: [
      { do: 'triage', day: -39 },
      { do: 'forward', day: -38, to: '教务处', deadline: -24 },
      { do: 'respond', day: -30, body: '已与区教育局联系，本年度学位已排满；可申请下学年统筹安排。' },
      { do: 'explain', day: -28, outcome: 'not_now', body: '今年确实无法安排。工会已将您的情况报区教育工会，列入下学年教师子女统筹名单，明年 5 月报名前会再与您联系。' },
    ],
  },
  {
    by: 'auditor', category: 'pay', title: '班主任津贴发放时间不固定', content: '班主任津贴有时两个月才发一次，希望按月发放。', raised: -60,
    steps: [
      { do: 'triage', day: -59 },
      { do: 'forward', day: -58, to: '总务处', deadline: -45 },
      { do: 'respond', day: -52, body: '已与财务室确认，自下月起随工资按月发放。' },
      { do: 'explain', day: -50, outcome: 'resolved', body: '财务室已确认自下月起随工资按月发放班主任津贴。' },
      { do: 'confirm', day: -48, rating: 5, comment: '解决得很快，谢谢工会。' },
    ],
  },
  {
    by: 'leader', category: 'other', title: '年级组办公室没有饮水机', content: '初二年级组办公室一直没有饮水机，老师们要到楼下打水。', raised: -90,
    steps: [
      { do: 'explain', day: -85, outcome: 'planned', body: '已请总务处列入本学期采购计划。' },
      { do: 'not_resolved', day: -70, reason: '过了一个多月还没有装。' },
      { do: 'explain', day: -62, outcome: 'resolved', body: '总务处已安装饮水机，并定期更换滤芯。' },
      { do: 'confirm', day: -60, rating: 3, comment: '装了，但拖得比较久。' },
    ],
  },
];

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** A time on that date for the timeline (09:00 in Beijing), seconds apart to keep the order. */
const timeOn = (date: string, n: number) => new Date(Date.parse(`${date}T01:00:00Z`) + n * 1000).toISOString();

export async function seedDemoCases(database: Database): Promise<DemoAccount[]> {
  const { db } = database;
  const auth = createAuthService(db, 1);
  const cases = createCasesService(db);
  const as = async (name: string): Promise<SessionUser> => (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const chair = await as('chair');
  const orgId = chair.org.id;
  const members = (await db.selectFrom('members').select('id').where('org_id', '=', orgId).orderBy('employee_no').execute()).map((r) => r.id);
  const account: DemoAccount = { username: 'rights', role: 'rights', who: '权益保障委员' };
  await insertUser(db, { orgId, userId: null, name: '演示数据' }, { username: account.username, password: DEMO_PASSWORD, memberId: members[52], roles: [account.role], mustChangePassword: false }, await hashPassword(DEMO_PASSWORD));
  const [rights, handler] = [await as('rights'), await as('handler')];
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).execute()).map((d) => [d.name, d.id]));
  const today = localDate();
  const day = (n: number) => addDays(today, n);
  const started = new Date().toISOString();

  for (const p of PLANS) {
    const member = await as(p.by);
    const id = (await cases.submit(member, { category: p.category, title: p.title, content: p.content })).id;
    const dates = { raised_on: day(p.raised) } as Record<string, string | null>;
    const eventDays = [p.raised];
    // The notices each step sent, dated to it like the timeline (the ones not dated yet are stamped now).
    const dateNotices = (on: number) =>
      db.updateTable('notifications').set({ created_at: timeOn(day(on), eventDays.length) }).where('org_id', '=', orgId).where('link', '=', `/cases/${id}`).where('created_at', '>=', started).execute();
    await dateNotices(p.raised);
    for (const s of p.steps) {
      eventDays.push(s.day);
      if (s.do === 'triage') await cases.triage(rights, id, {});
      if (s.do === 'forward') {
        await cases.forward(rights, id, { departmentId: departments.get(s.to)!, handlerUserId: handler.id, deadline: day(30) });
        Object.assign(dates, { forwarded_on: day(s.day), deadline: day(s.deadline) });
      }
      if (s.do === 'respond') {
        await cases.respond(handler, id, s.body);
        dates.responded_on = day(s.day);
      }
      if (s.do === 'explain') {
        await cases.explain(rights, id, { outcome: s.outcome, body: s.body });
        dates.explained_on = day(s.day);
      }
      if (s.do === 'not_resolved') await cases.notResolved(member, id, s.reason);
      if (s.do === 'confirm') {
        await cases.confirm(member, id, { rating: s.rating, comment: s.comment });
        dates.closed_on = day(s.day);
      }
      await dateNotices(s.day);
    }
    // The forward was made with a deadline ahead of today; its notices name the planned one, as the timeline does.
    if (dates.deadline) {
      for (const column of ['title', 'body'] as const) {
        await db.updateTable('notifications').set({ [column]: sql`replace(${sql.ref(column)}, ${day(30)}, ${dates.deadline})` }).where('org_id', '=', orgId).where('link', '=', `/cases/${id}`).execute();
      }
    }
    // Date the case and its timeline back to when each step happened.
    await db.updateTable('cases').set(dates).where('id', '=', id).execute();
    const events = await db.selectFrom('case_events').select(['id', 'kind', 'data']).where('case_id', '=', id).orderBy('at').orderBy('id').execute();
    for (const [i, e] of events.entries()) {
      // The forward was made with a deadline ahead of today; the timeline shows the planned one.
      const data = e.kind === 'forwarded' ? JSON.stringify({ ...JSON.parse(e.data), deadline: dates.deadline }) : e.data;
      await db.updateTable('case_events').set({ at: timeOn(day(eventDays[i]), i), data }).where('id', '=', e.id).execute();
    }
    await db.updateTable('cases').set({ created_at: timeOn(day(p.raised), 0) }).where('id', '=', id).execute();
  }

  // One anonymous letter to the union becomes a case only the union sees.
  const letter = await db.selectFrom('suggestions').select('id').where('org_id', '=', orgId).where('addressee', '=', 'union').where('anonymous', '=', 1).orderBy('id').executeTakeFirst();
  if (letter) await cases.fromSuggestion(chair, letter.id, 'medical');
  return [account];
}
