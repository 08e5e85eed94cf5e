import type { SessionUser } from '../../../common/auth';
import { CASE_CATEGORY_LABELS, CASE_SOURCE_LABELS, type CaseCategory, type CaseEvent, type CaseEventKind, type CaseSourceKind } from '../../../common/cases';
import type { Db } from '../../db/database';
import { Conflict, Invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { localDate, nowIso } from '../../lib/time';
import { actorOf, auditRepo, type Actor } from '../audit/audit.repo';
import { notify, recipients, type NotificationInput } from '../notifications/notifications.service';
import { casesRepo } from './cases.repo';
import { linkOf } from './cases.view';

// Opening a case — by the member on the phone, or by the union from another record (a suggestion, a
// meeting opinion) through createCaseFrom — and the helpers every step shares: the timeline event,
// who is told.

type EventData = Omit<CaseEvent, 'id' | 'kind' | 'at' | 'actorName' | 'body'>;

/** One step on the case's timeline, in the transaction of the change it records; names kept as they were. */
export function recordEvent(trx: Db, actor: Actor, c: { id: string; org_id: string }, kind: CaseEventKind, body: string | null = null, data: EventData = {}): Promise<unknown> {
  return casesRepo.insertEvent(trx, { id: newId(), org_id: c.org_id, case_id: c.id, kind, at: nowIso(), user_id: actor.userId, actor_name: actor.name, body, data: JSON.stringify(data) });
}

/** The union's case handlers (the chair and the 权益保障委员). */
export const unionIds = (db: Db, orgId: string) => recipients.withRoles(db, orgId, ['chair', 'rights']);

/** Tells the member who raised the case, if there is one (an anonymous source has nobody to tell). */
export async function tellMember(trx: Db, c: { id: string; org_id: string; member_id: string | null; title: string }, title: string, body = ''): Promise<void> {
  if (!c.member_id) return;
  await notify(trx, c.org_id, await recipients.ofMembers(trx, c.org_id, [c.member_id]), notice(c, title, body));
}

export const notice = (c: { id: string; title: string }, title: string, body = ''): NotificationInput => ({ kind: 'case', title, body: `《${c.title}》${body ? `：${body.slice(0, 60)}` : ''}`, link: linkOf(c.id) });

/** Today on the caller's school clock: its time zone came with the session, read for this request. */
export const todayOf = (user: SessionUser): string => localDate(user.org.timeZone);

interface Opening {
  memberId: string | null;
  category: CaseCategory;
  title: string;
  content: string;
  source: { kind: CaseSourceKind; id: string } | null;
}

/** Inserts the case, its first timeline step and audit row, and tells the union. */
export async function openCase(trx: Db, user: SessionUser, input: Opening): Promise<string> {
  const orgId = user.org.id;
  const actor = actorOf(user);
  if (input.memberId && !(await casesRepo.member(trx, orgId, input.memberId))) throw Invalid('memberId', 'err.case_member');
  if (input.source && (await casesRepo.bySource(trx, orgId, input.source.kind, input.source.id))) throw Conflict('case_source_taken', 'err.case_source_taken');
  const id = newId();
  const now = nowIso();
  const row = {
    id, org_id: orgId, member_id: input.memberId, category: input.category, title: input.title.trim().slice(0, 100), content: input.content, state: 'submitted',
    raised_on: todayOf(user), source_kind: input.source?.kind ?? null, source_id: input.source?.id ?? null,
    department_id: null, handler_user_id: null, deadline: null, forwarded_on: null, response: null, responded_on: null,
    outcome: null, explanation: null, explained_on: null, closed_on: null, rating: null, rating_comment: null, reopened: 0,
    created_at: now, updated_at: now,
  };
  await casesRepo.insert(trx, row);
  const fromSource = input.source ? { source: input.source.kind, anonymousSource: input.memberId === null } : {};
  await recordEvent(trx, actor, row, input.source ? 'created_from' : 'submitted', null, { category: input.category, ...fromSource });
  await auditRepo.record(trx, actor, { action: 'create', entity: 'case', entityId: id, label: row.title, after: { category: input.category, memberId: input.memberId, source: input.source } });
  const from = input.source ? `（${CASE_SOURCE_LABELS[input.source.kind].zh}）` : '';
  await notify(trx, orgId, (await unionIds(trx, orgId)).filter((u) => u !== actor.userId), notice(row, '有新的权益诉求', `${CASE_CATEGORY_LABELS[input.category].zh}${from}`));
  if (input.source) await tellMember(trx, row, '工会已将您的意见转为权益诉求跟进');
  return id;
}

/**
 * For other modules: the union turns a record into a case inside the caller's transaction. `memberId`
 * null when the source is anonymous — then only the union sees the case, and its timeline says so.
 */
export function createCaseFrom(
  trx: Db,
  user: SessionUser,
  input: { memberId: string | null; category: CaseCategory; title: string; content: string; source: { kind: 'suggestion' | 'meeting_opinion'; id: string } },
): Promise<string> {
  return openCase(trx, user, input);
}
