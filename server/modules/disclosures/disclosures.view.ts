import type { SessionUser } from '../../../common/auth';
import {
  DISCLOSURE_STATE_LABELS,
  type DisclosureAction,
  type DisclosureAudience,
  type DisclosureEvent,
  type DisclosureIssue,
  type DisclosureListItem,
  type DisclosureQuestion,
  type DisclosureState,
} from '../../../common/disclosures';
import type { Db } from '../../db/database';
import type { DisclosureIssuesTable, DisclosureQuestionsTable } from '../../db/tables';
import { AppError, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { disclosuresRepo, type DisclosureRow, type ReaderScope } from './disclosures.repo';
import { readersRepo } from './disclosures.readers.repo';

// Who a caller is for 校务公开, what they may see, and the rows as the API answers them.

export const oversees = (u: SessionUser) => u.permissions.includes('disclosures.oversee');


/** Audiences a signed-in reader belongs to: staff and public items always, delegates' items if a delegate now. */
export async function readerScope(db: Db, user: SessionUser, today: string): Promise<ReaderScope> {
  const audiences: DisclosureAudience[] = ['public', 'staff'];
  // The committee and the 监督小组 handle delegates' items anyway; they read them like any delegate.
  if (oversees(user) || (user.memberId && (await readersRepo.isCurrentDelegate(db, user.org.id, user.memberId, today)))) audiences.push('delegates');
  return { today, audiences };
}

/** Whether readers see it today (the item's own period, whatever its audience). */
export const isLive = (r: { state: string; visible_from: string; visible_to: string | null }, today: string) =>
  r.state === 'published' && r.visible_from <= today && (r.visible_to === null || r.visible_to >= today);

export async function findOrThrow(db: Db, orgId: string, id: string): Promise<DisclosureRow> {
  const row = await disclosuresRepo.find(db, orgId, id);
  if (!row) throw NotFound('err.disclosure_not_found');
  return row;
}

/** Refuses an action the item's state does not allow, naming the state. */
export function expectState(row: { state: string }, allowed: readonly DisclosureState[]): void {
  if (!allowed.includes(row.state as DisclosureState)) {
    throw new AppError(409, 'disclosure_state', 'err.disclosure_state', { state: DISCLOSURE_STATE_LABELS[row.state as DisclosureState]?.zh ?? row.state });
  }
}

/** How an issue is named in messages, notices and the audit log: 2025学年第3期. */
export const issueName = (i: Pick<DisclosureIssuesTable, 'school_year' | 'number'>) => `${i.school_year}学年第${i.number}期`;

/** An issue still open for changes; a published one refuses, naming it. */
export function expectOpenIssue(issue: Pick<DisclosureIssuesTable, 'state' | 'number' | 'school_year'>): void {
  if (issue.state === 'published') throw new AppError(409, 'disclosure_issue_published', 'err.disclosure_issue_published', { year: issue.school_year, number: issue.number });
}

/**
 * Records a step of an item's life: its history row (with the 监督小组's comment) and the audit row,
 * in the caller's transaction. `before`/`after` are what the audit log shows as changed.
 */
export async function recordStep(trx: Db, user: SessionUser, row: Pick<DisclosureRow, 'id' | 'title'>, action: DisclosureAction, change: { before?: unknown; after?: unknown; comment?: string }) {
  await disclosuresRepo.insertEvents(trx, [{ id: newId(), org_id: user.org.id, disclosure_id: row.id, action, user_id: user.id, user_name: user.displayName, comment: change.comment ?? null, at: nowIso() }]);
  await auditRepo.record(trx, actorOf(user), { action, entity: 'disclosure', entityId: row.id, label: row.title, before: change.before, after: change.after });
}

export function toListItem(r: DisclosureRow): DisclosureListItem {
  return {
    id: r.id,
    title: r.title,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    audience: r.audience as DisclosureAudience,
    state: r.state as DisclosureState,
    returned: r.state === 'draft' && r.returned === 1,
    issueId: r.issue_id,
    issueYear: r.issue_year,
    issueNumber: r.issue_number,
    visibleFrom: r.visible_from,
    visibleTo: r.visible_to,
    authorName: r.author_name,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  };
}

export function toIssue(r: DisclosureIssuesTable & { items?: number | string | null; approved?: number | string | null }): DisclosureIssue {
  return {
    id: r.id,
    schoolYear: r.school_year,
    number: r.number,
    title: r.title,
    state: r.state as DisclosureIssue['state'],
    publishedAt: r.published_at,
    items: Number(r.items ?? 0),
    approved: Number(r.approved ?? 0),
  };
}

export const toEvent = (e: { action: string; user_name: string | null; comment: string | null; at: string }): DisclosureEvent => ({
  action: e.action as DisclosureAction,
  userName: e.user_name,
  comment: e.comment,
  at: e.at,
});

/**
 * Questions as `user` may see them: the committee sees all with the asker's name; a reader sees their
 * own and those answered publicly, without anyone's name.
 */
export function visibleQuestions(rows: DisclosureQuestionsTable[], user: SessionUser): DisclosureQuestion[] {
  const all = oversees(user);
  return rows
    .filter((q) => all || q.asker_user_id === user.id || (q.answer_public === 1 && q.answer !== null))
    .map((q) => ({
      id: q.id,
      body: q.body,
      askerName: all ? q.asker_name : null,
      mine: q.asker_user_id === user.id,
      askedAt: q.asked_at,
      answer: q.answer,
      answerPublic: q.answer_public === 1,
      answeredAt: q.answered_at,
    }));
}

export const linkOf = (id: string) => `/disclosures/${id}`;
