import { CASE_CATEGORIES, CASE_OUTCOMES, type CaseCategory, type CaseEventKind, type CaseState } from '../../common/cases';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { addDays, DATASET_END, dayOfYear, daysBetween, stamp } from '../dataset/dates';
import { notify } from '../dataset/notify';
import { forgetAudit } from '../dataset/reset';
import { LAST_YEAR } from '../dataset/scales';
import { staffOf } from './ground';

// 权益诉求: 5–20 cases a year per 150 staff. Each is taken up by the 权益保障委员 the next day, seven in
// ten forwarded to a department with a fortnight's deadline and answered, explained to the member and
// confirmed with a rating — one in ten said "not resolved" once first, one in ten never confirmed. Six
// more are open at every step when the dataset ends. Each step leaves its
// timeline event and the notices cases.flow.ts sends.

const TITLES: Record<CaseCategory, string> = {
  medical: '退休教师体检希望增加骨密度检查',
  housing: '教师周转房卫生间漏水多次报修未修',
  schooling: '孩子就近入学学位紧张',
  title: '职称评审中课题成果认定标准不清楚',
  pay: '班主任津贴发放时间不固定',
  safety: '化学实验室通风橱老化',
  leave: '产假期间绩效工资如何计算',
  other: '年级组办公室没有饮水机',
};

const OPEN_AT: CaseEventKind[] = ['submitted', 'triaged', 'forwarded', 'responded', 'explained', 'forwarded'];

export interface CasesManifest {
  typical: { rights: string; caseId: string };
}

type Step = { kind: CaseEventKind; on: string; by: { userId: string; name: string }; body: string | null; data: Record<string, unknown>; tell: string[]; notice: string };

/**
 * One case as far as it got before the dataset ends, or (`stop`) one still open at that step when it
 * ends; answers its id when it was closed.
 */
async function addCase(g: GenContext, school: SchoolFact, raised: string, stop?: CaseEventKind): Promise<string | null> {
  const { rng } = g;
  const { rights, chair } = school.officers;
  const member: MemberFact = school.members[rng.int(10, school.members.length - 1)];
  const category = rng.pick(CASE_CATEGORIES);
  const title = TITLES[category];
  const union = [chair.userId, rights.userId];
  const dept = rng.pick(school.handlers);
  const outcome = rng.pick(CASE_OUTCOMES);

  const steps: Step[] = [{ kind: 'submitted', on: raised, by: member, body: null, data: { category }, tell: union, notice: '有新的权益诉求' }];
  const next = (kind: CaseEventKind, days: number, by: Step['by'], tell: string[], notice: string, body: string | null = null, data: Record<string, unknown> = {}) =>
    steps.push({ kind, on: addDays(steps[steps.length - 1].on, days), by, body, data, tell, notice });
  next('triaged', 1, rights, [member.userId], '工会已受理您的诉求');
  if (rng.chance(0.7) || stop === 'forwarded' || stop === 'responded') {
    next('forwarded', 1, rights, [dept.userId, member.userId], `您的诉求已转交${dept.department}办理`, null, { department: dept.department, handler: dept.name });
    next('responded', rng.int(3, 12), { userId: dept.userId, name: dept.name }, [...union, member.userId], '承办部门已答复', '已核实情况，正在按规定办理。', { department: dept.department });
  }
  const explain = () => next('explained', 2, rights, [member.userId], '工会已答复您的诉求，请确认并评价', '工会已与相关部门沟通，结果如下，如有疑问可随时联系。', { outcome });
  explain();
  if (rng.chance(0.1)) {
    next('not_resolved', 3, member, union, '诉求人表示问题未解决', '问题仍未解决。');
    explain();
  }
  const rating = outcome === 'not_now' ? rng.int(2, 4) : rng.int(3, 5);
  if (rng.chance(0.9)) next('closed', rng.int(1, 5), member, union, `诉求人确认办结，评分 ${rating}`, null, { rating });

  let done = steps.filter((s) => s.on < DATASET_END);
  if (stop) {
    // Cut at the step, then move the whole case so that its last step falls in the dataset's last days.
    done = steps.slice(0, steps.findIndex((s) => s.kind === stop) + 1);
    const back = daysBetween(DATASET_END, done[done.length - 1].on) + rng.int(1, 5);
    done = done.map((s) => ({ ...s, on: addDays(s.on, -back) }));
    raised = done[0].on;
  }
  // A fortnight to answer, from the day it was forwarded.
  const fwd = done.find((s) => s.kind === 'forwarded');
  const deadline = fwd ? addDays(fwd.on, 14) : null;
  if (fwd) Object.assign(fwd, { data: { ...fwd.data, deadline }, notice: `${fwd.notice}，期限 ${deadline}` });
  const state: CaseState = ({ submitted: 'submitted', triaged: 'triaged', forwarded: 'forwarded', responded: 'responded', explained: 'explained', not_resolved: 'triaged', closed: 'closed' } as Record<string, CaseState>)[done[done.length - 1].kind];
  const on = (kind: CaseEventKind) => done.filter((s) => s.kind === kind).pop()?.on ?? null;
  const forwarded = on('forwarded');
  const explained = state === 'explained' || state === 'closed';
  const id = g.id();
  const link = `/cases/${id}`;
  // Seconds apart, so the timeline keeps its order within a day.
  const at = (s: Step, k: number) => stamp(s.on, 0, `01:00:${String(k).padStart(2, '0')}`);
  await g.insert('cases', [{
    id, org_id: school.id, member_id: member.id, category, title, content: `${title}，希望工会帮助协调解决。`, state, raised_on: raised, source_kind: null, source_id: null,
    department_id: forwarded && dept.departmentId, handler_user_id: forwarded && dept.userId, deadline: forwarded && deadline, forwarded_on: forwarded,
    response: on('responded') && '已核实情况，正在按规定办理。', responded_on: on('responded'), outcome: explained ? outcome : null,
    explanation: explained ? done.find((s) => s.kind === 'explained')!.body : null, explained_on: explained ? on('explained') : null, closed_on: on('closed'),
    rating: on('closed') ? rating : null, rating_comment: null, reopened: on('not_resolved') ? 1 : 0, created_at: at(done[0], 0), updated_at: at(done[done.length - 1], done.length - 1),
  }]);
  await g.insert('case_events', done.map((s, k) => ({ id: g.id(), org_id: school.id, case_id: id, kind: s.kind, at: at(s, k), user_id: s.by.userId, actor_name: s.by.name, body: s.body, data: JSON.stringify(s.data) })));
  for (const [k, s] of done.entries()) await notify(g, school.id, s.tell.filter((u) => u !== s.by.userId), { kind: 'case', title: s.notice, body: `《${title}》`, link }, at(s, k));
  return state === 'closed' ? id : null;
}

export const cases: Capability = {
  name: 'cases',

  async generate(g) {
    const { rng } = g;
    const { typical: t, made: detail } = await eachSchool(g, async (school) => {
      let closed = '';
      for (const year of g.world.years) {
        const n = Math.max(1, Math.round((school.members.length / 150) * rng.int(5, 20)));
        for (let k = 0; k < n; k++) closed = (await addCase(g, school, dayOfYear(rng, year, 0, 330))) ?? closed;
        // When the dataset ends, cases are open at every step.
        if (year === LAST_YEAR) for (const stop of OPEN_AT) await addCase(g, school, `${year + 1}-08-01`, stop);
      }
      return closed;
    });
    const manifest: CasesManifest = { typical: { rights: t.officers.rights.username, caseId: detail } };
    g.manifest.cases = manifest;
  },

  paths(m) {
    const t = (m.cases as CasesManifest).typical;
    // Members without an office: the union's case handlers would not be told of their own case.
    const staff = staffOf(m, { officers: false });
    return [
      { name: 'cases: inbox (权益保障委员)', kind: 'read', main: true, accounts: [t.rights], request: () => ({ method: 'GET', url: '/api/cases?page=1&pageSize=20', as: 0 }) },
      { name: 'cases: a case with its timeline', kind: 'read', accounts: [t.rights], request: () => ({ method: 'GET', url: `/api/cases/${t.caseId}`, as: 0 }) },
      {
        name: 'cases: a member raises a case',
        kind: 'write',
        accounts: staff.usernames,
        request: (i) => {
          const k = i % staff.usernames.length;
          return { method: 'POST', url: '/api/cases', body: { category: 'pay', title: '绩效工资发放明细看不懂', content: '希望财务室提供本学期绩效工资的计算明细。' }, as: k, vars: { member: staff.memberIds[k], user: staff.userIds[k] } };
        },
        // A case still in flight from the run before may land between the deletes: only cases left
        // without events go (the rest at the next reset), so no foreign key is broken.
        reset: async (db: Db) => {
          await db.deleteFrom('case_events').where('org_id', '=', staff.orgId).where('at', '>=', DATASET_END).execute();
          await db
            .deleteFrom('cases')
            .where('org_id', '=', staff.orgId)
            .where('created_at', '>=', DATASET_END)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('case_events as e').select('e.id').where('e.org_id', '=', staff.orgId).whereRef('e.case_id', '=', 'cases.id'))))
            .execute();
          await db.deleteFrom('notifications').where('org_id', '=', staff.orgId).where('kind', '=', 'case').where('created_at', '>=', DATASET_END).execute();
          await forgetAudit(db, staff.orgId, 'case');
        },
      },
    ];
  },
};
