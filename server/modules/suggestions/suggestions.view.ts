import type { SessionUser } from '../../../common/auth';
import {
  SUGGESTION_ANSWER_DAYS,
  SUGGESTION_STATUS_LABELS,
  type AddresseeKind,
  type ReceiptView,
  type Suggestion,
  type SuggestionCategory,
  type SuggestionListItem,
  type SuggestionMessage,
  type SuggestionStatus,
  type WallEntry,
} from '../../../common/suggestions';
import type { Db } from '../../db/database';
import type { SuggestionMessagesTable } from '../../db/tables';
import { AppError, NotFound } from '../../lib/errors';
import { departmentsRepo } from '../departments/departments.repo';
import { meetingSource } from '../meetings/meetings.view';
import { recipients } from '../notifications/notifications.service';
import { suggestionsRepo, type Handling, type SuggestionRow } from './suggestions.repo';

// Who a caller is to one suggestion, and what each may see of it.

/** The mailboxes an account answers. Roles name the principal's and the union's; departments list their handlers. */
export async function handlingOf(db: Db, user: SessionUser): Promise<Handling> {
  if (!user.permissions.includes('suggestions.handle')) return { principal: false, union: false, departments: [] };
  return {
    principal: user.roles.includes('principal'),
    union: user.roles.includes('chair') || user.roles.includes('committee'),
    departments: await departmentsRepo.ofUser(db, user.org.id, user.id),
  };
}

export const handles = (h: Handling, r: Pick<SuggestionRow, 'addressee' | 'department_id'>): boolean =>
  (r.addressee === 'principal' && h.principal) || (r.addressee === 'union' && h.union) || (r.addressee === 'department' && !!r.department_id && h.departments.includes(r.department_id));

/** The accounts a suggestion's mail goes to. */
export async function addresseesOf(db: Db, orgId: string, r: Pick<SuggestionRow, 'addressee' | 'department_id'>): Promise<string[]> {
  if (r.addressee === 'principal') return recipients.withRoles(db, orgId, ['principal']);
  if (r.addressee === 'union') return recipients.withRoles(db, orgId, ['chair', 'committee']);
  return r.department_id ? departmentsRepo.handlerIds(db, orgId, r.department_id) : [];
}

export interface Loaded {
  row: SuggestionRow;
  is: { writer: boolean; handler: boolean };
}

/** The suggestion as `user` may see it: its named writer or whoever answers its mailbox; null for anyone else. */
export async function lookup(db: Db, user: SessionUser, id: string): Promise<Loaded | null> {
  const row = await suggestionsRepo.find(db, user.org.id, id);
  if (!row) return null;
  const is = { writer: row.anonymous === 0 && row.writer_user_id === user.id, handler: handles(await handlingOf(db, user), row) };
  return is.writer || is.handler ? { row, is } : null;
}

/** As `lookup`, with 404 for anyone who may not see it (nor another school's). */
export async function load(db: Db, user: SessionUser, id: string): Promise<Loaded> {
  const l = await lookup(db, user, id);
  if (!l) throw NotFound('err.suggestion_not_found');
  return l;
}

export function expectStatus(row: { status: string }, allowed: readonly SuggestionStatus[]): void {
  if (!allowed.includes(row.status as SuggestionStatus)) {
    throw new AppError(409, 'suggestion_state', 'err.suggestion_state', { state: SUGGESTION_STATUS_LABELS[row.status as SuggestionStatus]?.zh ?? row.status });
  }
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Received before this date, never answered and not closed means overdue. */
export const overdueBefore = (today: string) => addDays(today, -SUGGESTION_ANSWER_DAYS);
const isOverdue = (r: SuggestionRow, today: string) => !r.answered_on && r.status !== 'closed' && r.received_on < overdueBefore(today);

const toOf = (r: SuggestionRow) => ({ kind: r.addressee as AddresseeKind, departmentId: r.department_id, name: r.department_name ?? '' });

export function toListItem(r: SuggestionRow, today: string): SuggestionListItem {
  return {
    id: r.id,
    title: r.title,
    category: r.category as SuggestionCategory,
    to: toOf(r),
    status: r.status as SuggestionStatus,
    anonymous: r.anonymous === 1,
    writerName: r.anonymous === 1 ? null : r.writer_name,
    receivedOn: r.received_on,
    overdue: isOverdue(r, today),
    replies: Number(r.replies ?? 0),
    onWall: r.wall_on !== null,
  };
}

const toMessage = (m: SuggestionMessagesTable): SuggestionMessage => ({
  id: m.id,
  by: m.author_kind as SuggestionMessage['by'],
  body: m.body,
  authorName: m.author_kind === 'handler' ? m.author_name : null,
  on: m.created_on,
  at: m.created_at,
});

async function threadOf(db: Db, r: SuggestionRow) {
  const [messages, proposal] = await Promise.all([suggestionsRepo.messages(db, r.org_id, r.id), r.proposal_id ? suggestionsRepo.proposal(db, r.org_id, r.proposal_id) : undefined]);
  return { messages: messages.map(toMessage), proposal: proposal ?? null };
}

export async function toDetail(db: Db, l: Loaded, today: string): Promise<Suggestion> {
  const { row: r } = l;
  const [{ messages, proposal }, fromMeeting] = await Promise.all([threadOf(db, r), meetingSource(db, r.org_id, 'suggestion', r.id)]);
  return Object.assign(toListItem(r, today), {
    content: r.content,
    messages,
    wall: r.wall_on ? { question: r.wall_question ?? '', answer: r.wall_answer ?? '', publishedOn: r.wall_on } : null,
    wallConsent: r.anonymous === 1 ? null : r.wall_consent === 1,
    proposal,
    fromMeeting,
    mine: l.is.writer,
    canHandle: l.is.handler,
  });
}

export async function toReceiptView(db: Db, r: SuggestionRow): Promise<ReceiptView> {
  // What a list shows, minus what the code's holder has no use for (overdue is for handlers).
  const { title, category, to, status, receivedOn, onWall } = toListItem(r, r.received_on);
  const { messages, proposal } = await threadOf(db, r);
  return { title, content: r.content, category, to, status, receivedOn, messages, onWall, proposal: proposal ? { title: proposal.title } : null };
}

/** A 回音壁 post: the question and answer as published, never the writer. */
export const toWallEntry = (r: SuggestionRow): WallEntry => ({
  id: r.id,
  category: r.category as SuggestionCategory,
  to: toOf(r),
  question: r.wall_question ?? '',
  answer: r.wall_answer ?? '',
  publishedOn: r.wall_on ?? '',
});

export const linkOf = (id: string) => `/suggestions/${id}`;
