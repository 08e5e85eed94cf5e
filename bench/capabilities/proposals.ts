import { PROPOSAL_CATEGORIES, type ProposalEventData, type ProposalRating } from '../../common/proposals';
import type { Capability } from '../capability';
import type { GenContext, SessionFact } from '../dataset/context';
import { addDays, stamp } from '../dataset/dates';
import { notify } from '../dataset/notify';

// 提案: each annual session collects about four proposals per ten delegates (3–40). Six in ten are
// accepted, assigned, answered A/B/C and rated; the rest merged, converted or not accepted. Each step
// leaves its event and the notifications the workflow sends.

const TOPICS = ['食堂晚餐供应时间', '青年教师培养机制', '教职工子女课后托管', '教室多媒体设备更新', '绩效考核结果公示', '教职工体检项目', '校园停车位规划', '班主任津贴标准', '教研活动时间安排', '图书馆开放时间'];

export interface ProposalsManifest {
  typical: { chair: string; delegate: string; proposalId: string; schoolYear: number };
}

async function sessionProposals(g: GenContext, s: SessionFact): Promise<string | undefined> {
  const { rng } = g;
  const { school } = s;
  const org_id = school.id;
  const count = Math.min(40, Math.max(3, Math.round(s.delegates.length * 0.4)));
  const ev = (proposal_id: string, kind: string, at: string, who: { userId?: string; name: string } | null, data: ProposalEventData = {}) =>
    g.insert('proposal_events', [{ id: g.id(), org_id, proposal_id, kind, at, user_id: who?.userId ?? null, actor_name: who?.name ?? null, data: JSON.stringify(data) }]);
  const notice = (userId: string, kind: string, title: string, proposalId: string, at: string) => notify(g, org_id, [userId], { kind, title, link: `/proposals/${proposalId}` }, at);
  await g.insert('proposal_windows', [{ session_id: s.id, org_id, opens_on: addDays(s.date, -30), closes_on: addDays(s.date, -5), last_number: count, created_at: stamp(s.date, -40), updated_at: stamp(s.date, -40) }]);

  const accepted: { id: string; title: string }[] = [];
  let detail: string | undefined;
  for (let n = 1; n <= count; n++) {
    const id = g.id();
    const pick = () => school.members[s.delegates[rng.int(0, s.delegates.length - 1)]];
    const proposer = pick();
    const who = { userId: proposer.userId, name: proposer.name };
    const cosigners = [...new Set(Array.from({ length: rng.chance(0.7) ? 2 : 3 }, pick))].filter((m) => m !== proposer);
    const title = `关于${rng.pick(TOPICS)}的建议（${n}）`;
    const r = rng.next();
    const decision = r < 0.62 || accepted.length === 0 ? 'accepted' : r < 0.7 ? 'merged' : r < 0.88 ? 'converted' : 'rejected';
    const mergedInto = decision === 'merged' ? rng.pick(accepted) : null;
    const handler = rng.pick(school.handlers);
    const rating: ProposalRating = rng.next() < 0.7 ? 'satisfied' : rng.chance(0.75) ? 'basically_satisfied' : 'unsatisfied';
    const reopened = decision === 'accepted' && rating === 'unsatisfied';
    const finalRating: ProposalRating = reopened ? 'basically_satisfied' : rating;
    const at = { created: stamp(s.date, -20), submitted: stamp(s.date, -15), decided: stamp(s.date, 7), assigned: stamp(s.date, 14), replied: stamp(s.date, 45), rated: stamp(s.date, 55) };
    await g.insert('proposals', [{
      id, org_id, session_id: s.id, proposer_member_id: proposer.id, proposer_user_id: proposer.userId, delegation_id: null, number: n,
      title, reasons: `${title}：教职工反映较多，现状影响工作和生活。`.repeat(3), measures: '建议学校研究制定具体办法，明确责任部门和完成时间。'.repeat(2),
      category: rng.pick(PROPOSAL_CATEGORIES), single_subject: 1, state: decision === 'accepted' ? 'closed' : decision,
      decision, decision_reason: decision === 'rejected' ? '不属于提案范围。' : null, merged_into_id: mergedInto?.id ?? null, decided_at: at.decided,
      draft_decision: null, draft_reason: null, draft_merge_into_id: null,
      department: decision === 'accepted' ? handler.department : null, handler_user_id: decision === 'accepted' ? handler.userId : null,
      deadline: decision === 'accepted' ? addDays(s.date, 60) : null, assigned_at: decision === 'accepted' ? at.assigned : null,
      reopened: reopened ? 1 : 0, rating: decision === 'accepted' ? finalRating : null, submitted_at: at.submitted,
      closed_at: decision === 'accepted' ? at.rated : null, created_at: at.created, updated_at: decision === 'accepted' ? at.rated : at.decided,
    }]);
    await g.insert('proposal_cosigners', cosigners.map((m) => ({ org_id, proposal_id: id, member_id: m.id, status: 'accepted', invited_at: at.created, responded_at: stamp(s.date, -18) })));
    await ev(id, 'created', at.created, who);
    await ev(id, 'invited', at.created, who, { names: cosigners.map((m) => m.name) });
    for (const m of cosigners) {
      await ev(id, 'cosigned', stamp(s.date, -18), { name: m.name });
      await notice(m.userId, 'proposal.cosign_invited', `${proposer.name}邀请您附议提案`, id, at.created);
    }
    await ev(id, 'submitted', at.submitted, who);
    await ev(id, 'decided', at.decided, null, mergedInto ? { decision, mergedInto } : { decision });
    await notice(proposer.userId, `proposal.${decision}`, `提案${decision === 'accepted' ? '已立案' : '已处理'}`, id, at.decided);
    if (decision !== 'accepted') continue;

    accepted.push({ id, title });
    detail ??= id;
    await ev(id, 'assigned', at.assigned, null, { department: handler.department, handlerName: handler.name, assists: [], deadline: addDays(s.date, 60) });
    await notice(handler.userId, 'proposal.assigned', '提案已交办', id, at.assigned);
    const rounds = reopened ? [rating, finalRating] : [rating];
    for (const [k, rated] of rounds.entries()) {
      const cls = rng.pick(['A', 'A', 'B', 'B', 'C'] as const);
      await g.insert('proposal_replies', [{
        id: g.id(), org_id, proposal_id: id, round: k + 1, class: cls, content: '经研究，学校已安排相关部门落实，具体如下：'.repeat(4),
        planned_date: cls === 'B' ? addDays(s.date, 180) : null, explanation: cls === 'C' ? '受经费和场地所限，本学年暂不能解决。' : null,
        user_id: handler.userId, author_name: handler.name, created_at: stamp(s.date, 45 + k * 20), rating: rated, rating_comment: null, rated_at: stamp(s.date, 55 + k * 20),
      }]);
      await ev(id, 'replied', stamp(s.date, 45 + k * 20), { userId: handler.userId, name: handler.name }, { round: k + 1, replyClass: cls });
      await ev(id, 'rated', stamp(s.date, 55 + k * 20), who, { round: k + 1, rating: rated });
      await notice(proposer.userId, 'proposal.replied', '您的提案已答复', id, stamp(s.date, 45 + k * 20));
      if (k === 0 && reopened) await ev(id, 'reopened', stamp(s.date, 55), who, {});
    }
    if (rng.chance(0.3)) {
      await g.insert('proposal_posts', Array.from({ length: rng.int(1, 3) }, (_, k) => ({
        id: g.id(), org_id, proposal_id: id, kind: 'message', user_id: k % 2 ? handler.userId : proposer.userId, author_name: k % 2 ? handler.name : proposer.name,
        body: '请问办理进度如何？', created_at: stamp(s.date, 20 + k),
      })));
    }
  }
  return detail;
}

export const proposals: Capability = {
  name: 'proposals',

  async generate(g) {
    let detail: string | undefined;
    const last = g.world.years.at(-1)!;
    for (const s of g.world.sessions) {
      const id = await sessionProposals(g, s);
      if (s.school.code === 'sch1' && s.year === last) detail = id;
    }
    const typical = g.world.sessions.find((s) => s.school.code === 'sch1' && s.year === last)!;
    const manifest: ProposalsManifest = {
      typical: {
        chair: typical.school.members[0].username,
        // A delegate who is no officer: the list shows only the proposals they take part in.
        delegate: typical.school.members[typical.delegates[12]].username,
        proposalId: detail!,
        schoolYear: last,
      },
    };
    g.manifest.proposals = manifest;
  },

  paths(m) {
    const t = (m.proposals as ProposalsManifest).typical;
    return [
      { name: 'proposals: committee list', kind: 'read', main: true, accounts: [t.chair], request: () => ({ method: 'GET', url: '/api/proposals?page=1&pageSize=20', as: 0 }) },
      { name: "proposals: a delegate's list", kind: 'read', main: true, accounts: [t.delegate], request: () => ({ method: 'GET', url: '/api/proposals?page=1&pageSize=20', as: 0 }) },
      { name: 'proposals: detail', kind: 'read', main: true, accounts: [t.chair], request: () => ({ method: 'GET', url: `/api/proposals/${t.proposalId}`, as: 0 }) },
      { name: 'proposals: figures (dashboard)', kind: 'read', main: true, accounts: [t.chair], request: () => ({ method: 'GET', url: `/api/proposals/stats?schoolYear=${t.schoolYear}`, as: 0 }) },
      { name: 'notifications: bell (unread)', kind: 'read', accounts: [t.delegate], request: () => ({ method: 'GET', url: '/api/notifications/unread', as: 0 }) },
    ];
  },
};
