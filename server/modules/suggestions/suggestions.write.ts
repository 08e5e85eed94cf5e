import type { SessionUser } from '../../../common/auth';
import {
  ANONYMOUS_DAILY_LIMIT,
  isReceipt,
  RECEIPT_GUESS_LIMIT,
  RECEIPT_GUESS_WINDOW_MINUTES,
  SUGGESTION_CATEGORY_LABELS,
  type SuggestionInput,
} from '../../../common/suggestions';
import { compact, type Database, type Db } from '../../db/database';
import { AppError, Forbidden, Invalid, NotFound } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { departmentsRepo } from '../departments/departments.repo';
import { notify } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { newReceipt, receiptHash, WindowCounter } from './suggestions.receipt';
import { ANONYMOUS_TABLES, suggestionsRepo, type SuggestionRow } from './suggestions.repo';
import { addresseesOf, expectStatus, linkOf, load } from './suggestions.view';

// What writers do: send a suggestion, named or anonymous, and write back — signed in for a named one,
// with the receipt code for an anonymous one. An anonymous write stores no account, no time and no
// audit row now; its audit row and the addressees' notice come with the nightly job (suggestions.notices.ts).

const DAY_MS = 86_400_000;

async function resolveTo(trx: Db, orgId: string, to: string) {
  if (to === 'principal' || to === 'union') return { addressee: to, department_id: null };
  if (!(await departmentsRepo.findActive(trx, orgId, to))) throw Invalid('to', 'err.suggestion_to');
  return { addressee: 'department', department_id: to };
}

/**
 * A suggestion in the union's name, inside the caller's transaction (an opinion raised at a meeting,
 * server/modules/meetings): named, not anonymous, with no writer account — the meeting is its source.
 * The addressees are told as for any named suggestion. `day` is the school's today.
 */
export async function submitForUnion(trx: Db, user: SessionUser, day: string, input: Pick<SuggestionInput, 'to' | 'category' | 'title' | 'content'>): Promise<string> {
  const orgId = user.org.id;
  const id = randomToken(16);
  const to = await resolveTo(trx, orgId, input.to);
  await suggestionsRepo.insert(trx, {
    id, org_id: orgId, ...to, category: input.category, title: input.title, content: input.content,
    anonymous: 0, writer_user_id: null, receipt_hash: null, received_on: day,
    status: 'pending', answered_on: null, closed_on: null,
    wall_consent: 0, wall_question: null, wall_answer: null, wall_on: null, proposal_id: null,
    notice_kind: null, notice_on: null,
  });
  await auditRepo.record(trx, actorOf(user), { action: 'submit', entity: 'suggestion', entityId: id, label: input.title, after: { ...to, category: input.category, anonymous: false, byUnion: true } });
  await notify(trx, orgId, (await addresseesOf(trx, orgId, to)).filter((u) => u !== user.id), {
    kind: 'suggestion.new',
    title: '意见箱有新来信',
    body: `工会（会议意见）：《${input.title}》（${SUGGESTION_CATEGORY_LABELS[input.category].zh}）`,
    link: linkOf(id),
  });
  return id;
}

export function writeActions(database: Database, orgs: OrgsService) {
  const { db } = database;
  // Both counters live in this process's memory only: who sent what is never stored to limit it.
  const anonymousSent = new WindowCounter(ANONYMOUS_DAILY_LIMIT, DAY_MS);
  const wrongCodes = new WindowCounter(RECEIPT_GUESS_LIMIT, RECEIPT_GUESS_WINDOW_MINUTES * 60_000);

  /** On SQLite the WAL would hold the new pages in commit order: fold it into the file at once (PostgreSQL: the nightly job). */
  const afterAnonymousWrite = async () => {
    if (database.dialect === 'sqlite') await compact(database, ANONYMOUS_TABLES);
  };

  async function byReceipt(code: string, ip: string): Promise<SuggestionRow> {
    const wait = wrongCodes.waitMs(ip);
    if (wait > 0) throw new AppError(429, 'receipt_locked', 'err.receipt_locked', { minutes: Math.ceil(wait / 60_000) });
    const found = isReceipt(code) ? await suggestionsRepo.findByReceipt(db, receiptHash(code)) : undefined;
    const row = found && (await suggestionsRepo.find(db, found.org_id, found.id));
    if (!row) {
      wrongCodes.hit(ip);
      throw NotFound('err.receipt_not_found');
    }
    return row;
  }

  return {
    byReceipt,

    /** Answers the new id (named) or the receipt code, shown once (anonymous). */
    async submit(user: SessionUser, input: SuggestionInput): Promise<{ id: string } | { receipt: string }> {
      const orgId = user.org.id;
      const day = await orgs.today(orgId);
      const limitKey = `${day}:${user.id}`;
      if (input.anonymous && anonymousSent.waitMs(limitKey) > 0) throw new AppError(429, 'rate_limited', 'err.suggestion_anonymous_limit', { n: ANONYMOUS_DAILY_LIMIT });
      const id = randomToken(16);
      const receipt = input.anonymous ? newReceipt() : null;
      await db.transaction().execute(async (trx) => {
        const to = await resolveTo(trx, orgId, input.to);
        const row = {
          id, org_id: orgId, ...to, category: input.category, title: input.title, content: input.content,
          anonymous: input.anonymous ? 1 : 0,
          writer_user_id: input.anonymous ? null : user.id,
          receipt_hash: receipt ? receiptHash(receipt) : null,
          received_on: day,
          status: 'pending', answered_on: null, closed_on: null,
          wall_consent: input.anonymous ? null : input.wallConsent ? 1 : 0,
          wall_question: null, wall_answer: null, wall_on: null, proposal_id: null,
          notice_kind: input.anonymous ? 'new' : null,
          notice_on: input.anonymous ? day : null,
        };
        await suggestionsRepo.insert(trx, row);
        if (input.anonymous) return;
        await auditRepo.record(trx, actorOf(user), { action: 'submit', entity: 'suggestion', entityId: id, label: input.title, after: { ...to, category: input.category, anonymous: false } });
        await notify(trx, orgId, (await addresseesOf(trx, orgId, to)).filter((u) => u !== user.id), {
          kind: 'suggestion.new',
          title: '意见箱有新来信',
          body: `${user.displayName}：《${input.title}》（${SUGGESTION_CATEGORY_LABELS[input.category].zh}）`,
          link: linkOf(id),
        });
      });
      if (!receipt) return { id };
      anonymousSent.hit(limitKey);
      await afterAnonymousWrite();
      return { receipt };
    },

    /** The named writer writes back; after an answer it goes back in hand. */
    async writeBack(user: SessionUser, id: string, body: string): Promise<void> {
      const orgId = user.org.id;
      const day = await orgs.today(orgId);
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.writer) throw Forbidden('err.suggestion_not_writer');
        expectStatus(l.row, ['pending', 'in_progress', 'answered']);
        await suggestionsRepo.insertMessage(trx, { suggestion_id: id, id: randomToken(12), org_id: orgId, author_kind: 'writer', body, user_id: null, author_name: null, created_on: day, created_at: nowIso() });
        if (l.row.status === 'answered') await suggestionsRepo.update(trx, orgId, id, { status: 'in_progress' });
        await auditRepo.record(trx, actorOf(user), { action: 'writer_message', entity: 'suggestion', entityId: id, label: l.row.title });
        await notify(trx, orgId, await addresseesOf(trx, orgId, l.row), { kind: 'suggestion.message', title: '意见来信人有新留言', body: `《${l.row.title}》：${body.slice(0, 60)}`, link: linkOf(id) });
      });
    },

    /** The anonymous writer writes back with the receipt code: no account, date only, noticed tonight. */
    async writeBackByReceipt(code: string, ip: string, body: string): Promise<SuggestionRow> {
      const row = await byReceipt(code, ip);
      const day = await orgs.today(row.org_id);
      await db.transaction().execute(async (trx) => {
        const now = (await suggestionsRepo.find(trx, row.org_id, row.id))!;
        expectStatus(now, ['pending', 'in_progress', 'answered']);
        await suggestionsRepo.insertMessage(trx, { suggestion_id: row.id, id: randomToken(12), org_id: row.org_id, author_kind: 'writer', body, user_id: null, author_name: null, created_on: day, created_at: null });
        await suggestionsRepo.update(trx, row.org_id, row.id, {
          ...(now.status === 'answered' ? { status: 'in_progress' } : {}),
          notice_kind: now.notice_kind ?? 'message',
          notice_on: day,
        });
      });
      await afterAnonymousWrite();
      return (await suggestionsRepo.find(db, row.org_id, row.id))!;
    },

    /** A named writer agrees (or no longer agrees) to the 回音壁; withdrawing takes it down. */
    async consent(user: SessionUser, id: string, consent: boolean): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.writer) throw Forbidden('err.suggestion_not_writer');
        const takeDown = !consent && l.row.wall_on !== null;
        await suggestionsRepo.update(trx, orgId, id, { wall_consent: consent ? 1 : 0, ...(takeDown ? { wall_question: null, wall_answer: null, wall_on: null } : {}) });
        await auditRepo.record(trx, actorOf(user), { action: 'wall_consent', entity: 'suggestion', entityId: id, label: l.row.title, before: { wallConsent: l.row.wall_consent === 1 }, after: { wallConsent: consent, takenDown: takeDown } });
      });
    },
  };
}
