import type { SessionUser } from '../../../common/auth';
import {
  PROPOSAL_STATE_LABELS,
  type Proposal,
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

export const isOverdue = (row: { state: string; deadline: string | null }, today: string) => row.state === 'assigned' && !!row.deadline && row.deadline < today;

export function toListItem(r: ProposalRow, today: string): ProposalListItem {
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionName: r.session_name,
    title: r.title,
    category: r.category as ProposalCategory,
    state: r.state as ProposalState,
    proposerMemberId: r.proposer_member_id,
    proposerName: r.proposer_name,
    delegationId: r.delegation_id,
    department: r.department,
    deadline: r.deadline,
    overdue: isOverdue(r, today),
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

const toPost = (p: ProposalPostsTable) => ({ id: p.id, authorName: p.author_name, body: p.body, createdAt: p.created_at });

export async function toDetail(db: Db, l: Loaded, today: string): Promise<Proposal> {
  const { row: r, is } = l;
  const orgId = r.org_id;
  const [replies, messages, mergedFrom, mergedInto] = await Promise.all([
    threadRepo.replies(db, orgId, r.id),
    threadRepo.posts(db, orgId, r.id, 'message'),
    proposalsRepo.mergedFrom(db, orgId, r.id),
    r.merged_into_id ? proposalsRepo.find(db, orgId, r.merged_into_id) : undefined,
  ]);
  const out: Proposal = {
    ...toListItem(r, today),
    reasons: r.reasons,
    measures: r.measures,
    singleSubject: r.single_subject === 1,
    coSigners: l.cosigners.map((c) => ({ memberId: c.member_id, name: c.name, status: c.status as 'invited' })),
    decision: r.decision as ProposalDecision | null,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
    mergedFrom,
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
  };
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
