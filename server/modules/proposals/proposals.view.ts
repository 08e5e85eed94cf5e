import type { SessionUser } from '../../../common/auth';
import {
  PROPOSAL_STATE_LABELS,
  proposalCode,
  type Proposal,
  type ProposalAction,
  type ProposalCategory,
  type ProposalDecision,
  type ProposalListItem,
  type ProposalRating,
  type ProposalState,
  type ReplyClass,
} from '../../../common/proposals';
import type { Db } from '../../db/database';
import type { ProposalPostsTable } from '../../db/tables';
import { AppError, NotFound } from '../../lib/errors';
import { recipients } from '../notifications/notifications.service';
import { meetingSource } from '../meetings/meetings.view';
import { toEvent } from './proposals.events';
import { proposalsRepo, type ProposalRow, type Scope } from './proposals.repo';
import { threadRepo } from './proposals.thread.repo';

// Who a caller is on one proposal, and what each of them may see of it.

export const isCommittee = (u: SessionUser) => u.permissions.includes('proposals.committee');
export const scopeOf = (u: SessionUser): Scope => (isCommittee(u) ? { all: true } : { all: false, userId: u.id, memberId: u.memberId });

export interface Loaded {
  row: ProposalRow;
  cosigners: Awaited<ReturnType<typeof proposalsRepo.cosigners>>;
  assists: Awaited<ReturnType<typeof proposalsRepo.assists>>;
  is: { committee: boolean; proposer: boolean; cosigner: boolean; lead: boolean; assist: boolean };
}

/** The proposal as `user` may see it; 404 for anyone who takes no part in it (nor in another school). */
export async function load(db: Db, user: SessionUser, id: string): Promise<Loaded> {
  const orgId = user.org.id;
  const row = await proposalsRepo.find(db, orgId, id);
  if (!row) throw NotFound('err.proposal_not_found');
  const [cosigners, assists] = await Promise.all([proposalsRepo.cosigners(db, orgId, id), proposalsRepo.assists(db, orgId, id)]);
  const is = {
    committee: isCommittee(user),
    proposer: row.proposer_user_id === user.id || (!!user.memberId && row.proposer_member_id === user.memberId),
    cosigner: !!user.memberId && cosigners.some((c) => c.member_id === user.memberId),
    lead: row.handler_user_id === user.id,
    assist: assists.some((a) => a.user_id === user.id),
  };
  if (!Object.values(is).some(Boolean)) throw NotFound('err.proposal_not_found');
  return { row, cosigners, assists, is };
}

/** Refuses an action the proposal's state does not allow, naming the state. */
export function expectState(row: { state: string }, allowed: readonly ProposalState[]): void {
  if (!allowed.includes(row.state as ProposalState)) {
    throw new AppError(409, 'proposal_state', 'err.proposal_state', { state: PROPOSAL_STATE_LABELS[row.state as ProposalState]?.zh ?? row.state });
  }
}

export const windowOpen = (w: { opens_on: string; closes_on: string } | undefined, today: string) => !!w && today >= w.opens_on && today <= w.closes_on;

export const isOverdue = (row: { state: string; deadline: string | null }, today: string) => row.state === 'assigned' && !!row.deadline && row.deadline < today;

export const codeOf = (r: Pick<ProposalRow, 'term_name' | 'session_name' | 'number'>) => proposalCode(r.term_name, r.session_name, r.number);
/** How notifications and exports name a proposal: 5-2-012《案由》 once it has a number. */
export const named = (r: Pick<ProposalRow, 'term_name' | 'session_name' | 'number' | 'title'>) => `${r.number === null ? '' : `${codeOf(r)} `}《${r.title}》`;

/** A collective proposal is the 代表团's, put forward by its head. */
export const proposerOf = (r: Pick<ProposalRow, 'delegation_name' | 'proposer_name'>) => (r.delegation_name ? `${r.delegation_name}（团长 ${r.proposer_name}）` : r.proposer_name);

export function toListItem(r: ProposalRow, today: string): ProposalListItem {
  return {
    id: r.id,
    number: r.number,
    code: codeOf(r),
    sessionId: r.session_id,
    sessionName: r.session_name,
    title: r.title,
    category: r.category as ProposalCategory,
    state: r.state as ProposalState,
    proposerMemberId: r.proposer_member_id,
    proposerName: r.proposer_name,
    delegationId: r.delegation_id,
    delegationName: r.delegation_name,
    department: r.department,
    deadline: r.deadline,
    overdue: isOverdue(r, today),
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

const toPost = (p: ProposalPostsTable) => ({ id: p.id, authorName: p.author_name, body: p.body, createdAt: p.created_at });

/**
 * What `user` may do with the proposal now: the same role and state checks the actions make, so the
 * web offers only what will succeed. `submittable`: the window is open and enough co-signers accepted.
 */
export function actionsOf(l: Loaded, user: SessionUser, submittable: boolean): ProposalAction[] {
  const { row, is } = l;
  const state = row.state as ProposalState;
  const draft = state === 'draft';
  const inHand = state === 'assigned' || state === 'replied';
  const allowed: Record<ProposalAction, boolean> = {
    edit: draft && is.proposer,
    delete: draft && is.proposer,
    invite: draft && is.proposer,
    submit: draft && is.proposer && submittable,
    withdraw: state === 'submitted' && is.proposer,
    cosign: draft && is.cosigner && !is.proposer,
    decide: state === 'submitted' && is.committee,
    publish: state === 'submitted' && is.committee && row.draft_decision !== null,
    note: is.committee,
    assign: (state === 'accepted' || state === 'assigned') && is.committee,
    reply: state === 'assigned' && is.lead && user.permissions.includes('proposals.handle'),
    rate: state === 'replied' && is.proposer,
    message: inHand && (is.proposer || is.lead || is.assist || is.committee),
  };
  return (Object.keys(allowed) as ProposalAction[]).filter((a) => allowed[a]);
}

/** `required`: the school's setting proposalCoSigners. */
export async function toDetail(db: Db, l: Loaded, user: SessionUser, ctx: { today: string; required: number }): Promise<Proposal> {
  const { row: r, is } = l;
  const orgId = r.org_id;
  const [replies, messages, mergedFrom, mergedInto, events, fromMeeting] = await Promise.all([
    threadRepo.replies(db, orgId, r.id),
    threadRepo.posts(db, orgId, r.id, 'message'),
    proposalsRepo.mergedFrom(db, orgId, r.id),
    r.merged_into_id ? proposalsRepo.find(db, orgId, r.merged_into_id) : undefined,
    threadRepo.events(db, orgId, r.id),
    meetingSource(db, orgId, 'proposal', r.id),
  ]);
  // The proposer of a draft learns how many co-signers are still missing and whether the window is open.
  let coSignersNeeded: Proposal['coSignersNeeded'];
  let submittable = false;
  if (r.state === 'draft' && is.proposer) {
    const window = await threadRepo.window(db, orgId, r.session_id);
    const missing = Math.max(0, ctx.required - l.cosigners.filter((c) => c.status === 'accepted').length);
    coSignersNeeded = { required: ctx.required, missing };
    submittable = missing === 0 && windowOpen(window, ctx.today);
  }
  const out: Proposal = Object.assign(toListItem(r, ctx.today), {
    reasons: r.reasons,
    measures: r.measures,
    singleSubject: r.single_subject === 1,
    coSigners: l.cosigners.map((c) => ({ memberId: c.member_id, name: c.name, status: c.status as 'invited' })),
    decision: r.decision as ProposalDecision | null,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
    mergedFrom,
    fromMeeting,
    handlerUserId: r.handler_user_id,
    assists: l.assists.map((a) => ({ department: a.department, handlerUserId: a.user_id })),
    reopened: r.reopened > 0,
    rating: r.rating as ProposalRating | null,
    replies: replies.map((x) => ({
      id: x.id,
      round: x.round,
      class: x.class as ReplyClass,
      content: x.content,
      plannedDate: x.planned_date,
      explanation: x.explanation,
      authorName: x.author_name,
      createdAt: x.created_at,
      rating: x.rating as ProposalRating | null,
      ratingComment: x.rating_comment,
    })),
    messages: messages.map(toPost),
    actions: actionsOf(l, user, submittable),
    timeline: events.map(toEvent),
  });
  if (coSignersNeeded) out.coSignersNeeded = coSignersNeeded;
  // Drafted decisions and notes are the committee's working papers: never sent to anyone else.
  if (is.committee) {
    out.draftDecision = r.draft_decision ? { decision: r.draft_decision as ProposalDecision, reason: r.draft_reason, mergeIntoId: r.draft_merge_into_id } : null;
    out.notes = (await threadRepo.posts(db, orgId, r.id, 'note')).map(toPost);
  }
  return out;
}

/** Accounts to notify about a proposal: its proposer, co-signers who accepted, handlers, the committee. */
export async function concerned(
  db: Db,
  l: Pick<Loaded, 'row' | 'cosigners' | 'assists'>,
  who: { proposer?: boolean; cosigners?: boolean; handlers?: boolean; committee?: boolean },
  except: string,
): Promise<string[]> {
  const orgId = l.row.org_id;
  const out: string[] = [];
  if (who.proposer) out.push(l.row.proposer_user_id);
  if (who.cosigners) out.push(...(await recipients.ofMembers(db, orgId, l.cosigners.filter((c) => c.status === 'accepted').map((c) => c.member_id))));
  if (who.handlers) out.push(...[l.row.handler_user_id, ...l.assists.map((a) => a.user_id)].filter((u): u is string => !!u));
  if (who.committee) out.push(...(await recipients.withRoles(db, orgId, ['chair', 'committee'])));
  return [...new Set(out)].filter((u) => u !== except);
}

export const linkOf = (id: string) => `/proposals/${id}`;
