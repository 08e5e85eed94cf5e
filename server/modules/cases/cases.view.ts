import type { SessionUser } from '../../../common/auth';
import { CASE_STATE_LABELS, type Case, type CaseCategory, type CaseEvent, type CaseEventKind, type CaseListItem, type CaseOutcome, type CaseSourceKind, type CaseState } from '../../../common/cases';
import type { Db } from '../../db/database';
import type { CaseEventsTable } from '../../db/tables';
import { AppError, NotFound } from '../../lib/errors';
import { parsedWith } from '../../lib/json';
import { casesRepo, type CaseRow } from './cases.repo';

// Who a caller is to one case, and what they see of it. A case is private: its member, the union's
// case handlers (cases.manage) and the department handler it was forwarded to; anyone else, 404.

export interface Loaded {
  row: CaseRow;
  is: { member: boolean; manager: boolean; handler: boolean };
}

export function relation(user: SessionUser, row: CaseRow): Loaded['is'] {
  return {
    member: !!user.memberId && row.member_id === user.memberId,
    manager: user.permissions.includes('cases.manage'),
    handler: user.permissions.includes('cases.respond') && row.handler_user_id === user.id && row.forwarded_on !== null,
  };
}

export async function lookup(db: Db, user: SessionUser, id: string): Promise<Loaded | null> {
  const row = await casesRepo.find(db, user.org.id, id);
  if (!row) return null;
  const is = relation(user, row);
  return is.member || is.manager || is.handler ? { row, is } : null;
}

/** As `lookup`, with 404 for anyone who may not see it (nor another school's). */
export async function load(db: Db, user: SessionUser, id: string): Promise<Loaded> {
  const l = await lookup(db, user, id);
  if (!l) throw NotFound('err.case_not_found');
  return l;
}

export function expectState(row: { state: string }, allowed: readonly CaseState[]): void {
  if (!allowed.includes(row.state as CaseState)) {
    throw new AppError(409, 'case_state', 'err.case_state', { state: CASE_STATE_LABELS[row.state as CaseState]?.zh ?? row.state });
  }
}

/** Forwarded and past its deadline without the department's response. */
export const isOverdue = (r: Pick<CaseRow, 'state' | 'deadline'>, today: string): boolean => r.state === 'forwarded' && !!r.deadline && r.deadline < today;

export const toListItem = (r: CaseRow, today: string): CaseListItem => ({
  id: r.id,
  title: r.title,
  category: r.category as CaseCategory,
  state: r.state as CaseState,
  memberName: r.member_name,
  raisedOn: r.raised_on,
  department: r.department_name,
  deadline: r.deadline,
  overdue: isOverdue(r, today),
});

const toEvent = (e: CaseEventsTable): CaseEvent => parsedWith(e.data, { id: e.id, kind: e.kind as CaseEventKind, at: e.at, actorName: e.actor_name, body: e.body }) as CaseEvent;

export async function toDetail(db: Db, { row: r, is }: Loaded, today: string): Promise<Case> {
  const events = await casesRepo.events(db, r.org_id, r.id);
  return Object.assign(toListItem(r, today), {
    content: r.content,
    handlerName: r.handler_name,
    response: r.response,
    respondedOn: r.responded_on,
    outcome: r.outcome as CaseOutcome | null,
    explanation: r.explanation,
    explainedOn: r.explained_on,
    closedOn: r.closed_on,
    rating: r.rating,
    ratingComment: r.rating_comment,
    reopened: r.reopened === 1,
    source: r.source_kind && r.source_id ? { kind: r.source_kind as CaseSourceKind, id: r.source_id } : null,
    events: events.map(toEvent),
    mine: is.member,
    canManage: is.manager,
    isHandler: is.handler,
  });
}

export const linkOf = (id: string) => `/cases/${id}`;
