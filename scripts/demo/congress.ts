import type { Database } from '../../server/db/database';
import type { Actor } from '../../server/modules/audit/audit.repo';
import { createCongressService } from '../../server/modules/congress/congress.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { localDate } from '../../server/lib/time';
import { demoCalendar, seeded } from './random';
import type { DemoSchool } from './school';

/**
 * The demo school's 教代会: 第五届 (five years) with 45 delegates in 代表团 by subject; last August's
 * second session with its agenda, attendance (some on leave) and closed votes; the coming third session,
 * agenda drafted; a request for an extra session gathering signatures.
 */
export async function seedDemoCongress(database: Database, school: DemoSchool, seed = 20250828) {
  const rng = seeded(seed);
  const congress = createCongressService(database, createOrgsService(database.db));
  const actor: Actor = { orgId: school.schoolId, userId: null, name: '演示数据' };
  const ids = school.memberIds;
  const cal = demoCalendar(localDate());

  const term = await congress.terms.create(actor, { name: '第五届', startDate: cal.termStart, endDate: cal.termEnd });
  // The demo accounts' members first (so they can check in and vote), then teachers across the groups
  // and five office staff: 45 delegates, 40 of them teachers (89%).
  const accountMembers = Object.values(school.memberOf).filter((id) => ids.indexOf(id) < 150);
  const teachers = ids.slice(0, 128).filter((id) => !accountMembers.includes(id));
  const chosen = [...accountMembers];
  for (let i = 0; chosen.length < 40; i += 3) chosen.push(teachers[i]);
  for (const id of ids.slice(128, 142)) if (chosen.length < 45 && !chosen.includes(id)) chosen.push(id);
  const delegations = ['语文代表团', '数学代表团', '英语代表团', '理化生代表团', '综合代表团'];
  for (const [i, memberId] of chosen.entries()) {
    const isLeader = i >= 40; // 校长办公室 and 教务处 heads sit as delegates; their share is shown
    await congress.terms.addDelegate(actor, term.id, { memberId, delegation: isLeader ? '行政代表团' : delegations[i % delegations.length], isLeader });
  }

  const past = await congress.sessions.create(actor, { termId: term.id, name: '第五届第二次会议', date: cal.pastSession, place: '学校报告厅' });
  await congress.sessions.setAgenda(actor, past.id, [
    { title: '校长作学校工作报告', kind: 'work_report' },
    { title: '工会经费审查委员会作财务工作报告', kind: 'finance_report' },
    { title: '提案工作委员会作上届提案办理情况报告', kind: 'proposal_report' },
    { title: '审议《教职工绩效工资分配方案（修订）》', kind: 'resolution' },
    { title: '补选工会委员', kind: 'election' },
  ]);
  await congress.sessions.addGuest(actor, past.id, { name: '退休教师代表 2 人', note: '列席' });
  const present = chosen.filter(() => rng.chance(0.91));
  await congress.sessions.bulkAttendance(actor, past.id, present, 'present');
  // Half of those who did not come had sent a 请假条; the rest were simply absent.
  const away = chosen.filter((id) => !present.includes(id));
  await congress.sessions.bulkAttendance(actor, past.id, away.filter((_, i) => i % 2 === 0), 'leave');
  const ballots = async (voteId: string, pick: () => { choice: 'yes' | 'no' | 'abstain' } | { candidates: string[] }) => {
    for (const memberId of present) await congress.votes.cast(actor, memberId, voteId, pick());
    await congress.votes.close(actor, voteId);
  };
  const resolution = (yes: number, no: number) => () => {
    const r = rng.next();
    return { choice: r < yes ? 'yes' : r < yes + no ? 'no' : 'abstain' } as const;
  };
  for (const [title, yes] of [['学校工作报告', 0.93], ['财务工作报告', 0.9], ['教职工绩效工资分配方案（修订）', 0.78]] as const) {
    const v = await congress.votes.create(actor, past.id, { title, kind: 'resolution', secret: true });
    await congress.votes.open(actor, v.id);
    await ballots(v.id, resolution(yes, 0.05));
  }
  const candidates = [ids[21], ids[44], ids[70]];
  const election = await congress.votes.create(actor, past.id, { title: '补选工会委员（2 名）', kind: 'election', secret: true, seats: 2, candidates });
  await congress.votes.open(actor, election.id);
  await ballots(election.id, () => ({ candidates: rng.chance(0.85) ? [candidates[0], rng.chance(0.7) ? candidates[1] : candidates[2]] : [candidates[2]] }));

  const next = await congress.sessions.create(actor, { termId: term.id, name: '第五届第三次会议', date: cal.nextSession, place: '学校报告厅' });
  await congress.sessions.setAgenda(actor, next.id, [
    { title: '校长作学校工作报告', kind: 'work_report' },
    { title: '财务工作报告', kind: 'finance_report' },
    { title: '第五届第二次会议提案办理情况报告', kind: 'proposal_report' },
  ]);

  // A 临时会议提议 gathering signatures: 6 of the 15 (one third of 45) needed so far.
  const signers = chosen.filter((id) => !accountMembers.includes(id)).slice(0, 6);
  const request = await congress.requests.create(actor, signers[0], term.id, '建议召开临时教代会，审议新校区搬迁方案及教职工通勤安排');
  for (const memberId of signers.slice(1)) await congress.requests.sign(actor, memberId, request.id);
  return { termId: term.id, pastSessionId: past.id, nextSessionId: next.id, delegates: chosen };
}
