import type { Page } from '../../../common/api';
import type { SessionUser } from '../../../common/auth';
import { formatYuan } from '../../../common/funds';
import {
  APPLICATION_STATE_LABELS,
  type ApplicationApproveInput,
  type ApplicationInput,
  type ApplicationListQuery,
  type ApplicationReviewInput,
  type ApplicationState,
  type HardshipApplication,
  type HardshipFileLevel,
  type PaymentInput,
} from '../../../common/hardship';
import type { Lang } from '../../../common/i18n';
import type { Database, Db } from '../../db/database';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { OrgsService } from '../orgs/orgs.service';
import { capBreach, capError, capsOf, pay } from './hardship.caps';
import { canManage, toApplication, toPayment } from './hardship.files';
import { hardshipRepo, type ApplicationRow } from './hardship.repo';
import { trail } from './hardship.trail';

// An application: by the member, by the leader of the member's 工会小组 (hardship.apply_for), or by the
// committee → the 生活福利委员's review (recommend an amount within the caps, or reject with a reason)
// → the chair's approval (the recommended amount or less, within the caps; or reject) → the payment,
// checked once more against the caps of the payment's year and posted to the ledger.

export function applicationActions(database: Database, orgs: OrgsService) {
  const { db } = database;

  async function find(trx: Db, orgId: string, id: string): Promise<ApplicationRow> {
    const row = await hardshipRepo.findApplication(trx, orgId, id);
    if (!row) throw NotFound();
    return row;
  }
  const stateError = (row: ApplicationRow, lang: Lang) => new AppError(409, 'invalid_state', 'err.hardship_state', { state: APPLICATION_STATE_LABELS[row.state as ApplicationState][lang] });

  /** The member's open file: review, approval and payment all need one (DOMAIN.md: help with a file). */
  async function openFile(trx: Db, orgId: string, memberId: string) {
    const file = await hardshipRepo.fileOf(trx, orgId, memberId);
    if (!file || file.status !== 'open') throw new AppError(422, 'no_file', 'err.hardship_no_file');
    return file;
  }

  /** Refuses an amount above the caps of the member's level, counting this year's help so far. */
  async function checkCaps(trx: Db, user: SessionUser, row: ApplicationRow, amount: number, year: number, lang: Lang): Promise<void> {
    const orgId = user.org.id;
    const file = await openFile(trx, orgId, row.member_id);
    const given = await hardshipRepo.paidInYear(trx, orgId, row.member_id, year);
    const breach = capBreach(await capsOf(trx, orgId), { level: file.level as HardshipFileLevel, amount, given, year, name: row.member_name }, lang);
    if (breach) throw capError(breach);
  }

  async function view(user: SessionUser, id: string): Promise<HardshipApplication> {
    const row = await find(db, user.org.id, id);
    const payments = (await hardshipRepo.payments(db, user.org.id, row.member_id)).map(toPayment);
    return toApplication(row, payments, !canManage(user));
  }

  /** One step of the review: checks the state, writes the change, the trail and the audit row. */
  async function step(user: SessionUser, id: string, from: ApplicationState, lang: Lang, act: (trx: Db, row: ApplicationRow, year: number) => Promise<{ kind: string; state: ApplicationState; patch: Record<string, unknown>; data: Record<string, unknown> }>) {
    const orgId = user.org.id;
    // This year, for the caps at review and approval. Read before the transaction: on SQLite a query
    // outside it would wait for it (one connection).
    const year = Number((await orgs.today(orgId)).slice(0, 4));
    await db.transaction().execute(async (trx) => {
      const row = await find(trx, orgId, id);
      if (row.state !== from) throw stateError(row, lang);
      const { kind, state, patch, data } = await act(trx, row, year);
      await hardshipRepo.updateApplication(trx, orgId, id, { ...patch, state, updated_at: nowIso() });
      await trail(trx, user, { memberId: row.member_id, applicationId: id, kind, data, audit: { action: kind, entity: 'hardship_application', entityId: id, after: { state, fields: Object.keys(patch) } } });
    });
    return view(user, id);
  }

  return {
    async list(user: SessionUser, f: ApplicationListQuery): Promise<Page<HardshipApplication>> {
      const { rows, total } = await hardshipRepo.listApplications(db, user.org.id, f);
      return { items: rows.map((r) => toApplication(r, [], false)), total };
    },

    /** The committee, or the member themself; anyone else (a group leader included) 404. */
    async get(user: SessionUser, id: string): Promise<HardshipApplication> {
      const row = await find(db, user.org.id, id);
      if (!canManage(user) && row.member_id !== user.memberId) throw NotFound();
      return view(user, id);
    },

    /** The members of the groups the caller leads, and the caller, for a group leader's form. */
    applicable: async (user: SessionUser) => ({ items: await hardshipRepo.applicable(db, user.org.id, { leaderMemberId: user.memberId, selfId: user.memberId }) }),

    async apply(user: SessionUser, input: ApplicationInput): Promise<HardshipApplication> {
      const orgId = user.org.id;
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const member = await hardshipRepo.member(trx, orgId, input.memberId);
        const self = !!user.memberId && user.memberId === input.memberId;
        const leader = !!user.memberId && user.permissions.includes('hardship.apply_for') && (await hardshipRepo.leadsGroupOf(trx, orgId, user.memberId, input.memberId));
        // Someone outside the member's group learns nothing about the member: the same 404 as no member.
        if (!member || !(self || leader || canManage(user))) throw NotFound('err.hardship_member');
        const now = nowIso();
        await hardshipRepo.insertApplication(trx, {
          id, org_id: orgId, member_id: input.memberId, amount: input.amount, reason: input.reason, state: 'submitted',
          applied_by: user.id, applied_by_name: user.displayName, on_behalf: self ? 0 : 1,
          recommended_amount: null, review_note: null, reviewed_by_name: null, reviewed_at: null,
          approved_amount: null, approved_by_name: null, approved_at: null, reject_reason: null, payment_id: null,
          created_at: now, updated_at: now,
        });
        await trail(trx, user, { memberId: input.memberId, applicationId: id, kind: 'apply', data: { amount: input.amount, reason: input.reason, onBehalf: !self }, audit: { action: 'submit', entity: 'hardship_application', entityId: id, after: { state: 'submitted' } } });
      });
      // What the applicant sent, without the committee's fields (a group leader reads no more than that).
      const row = await find(db, orgId, id);
      return toApplication(row, [], !canManage(user));
    },

    review: (user: SessionUser, id: string, input: ApplicationReviewInput, lang: Lang) =>
      step(user, id, 'submitted', lang, async (trx, row, year) => {
        const who = { reviewed_by_name: user.displayName, reviewed_at: nowIso(), review_note: input.note ?? null };
        if (input.decision === 'reject') return { kind: 'reject', state: 'rejected', patch: { ...who, reject_reason: input.reason! }, data: { stage: 'review', reason: input.reason } };
        await checkCaps(trx, user, row, input.amount!, year, lang);
        return { kind: 'recommend', state: 'recommended', patch: { ...who, recommended_amount: input.amount! }, data: { amount: input.amount, ...(input.note ? { note: input.note } : {}) } };
      }),

    approve: (user: SessionUser, id: string, input: ApplicationApproveInput, lang: Lang) =>
      step(user, id, 'recommended', lang, async (trx, row, year) => {
        const who = { approved_by_name: user.displayName, approved_at: nowIso() };
        if (input.decision === 'reject') return { kind: 'reject', state: 'rejected', patch: { ...who, reject_reason: input.reason! }, data: { stage: 'approval', reason: input.reason } };
        const recommended = Number(row.recommended_amount);
        const amount = input.amount ?? recommended;
        if (amount > recommended) throw Invalid('amount', 'err.hardship_raise', { recommended: formatYuan(recommended) });
        await checkCaps(trx, user, row, amount, year, lang);
        return { kind: 'approve', state: 'approved', patch: { ...who, approved_amount: amount }, data: { amount, ...(amount < recommended ? { lowered: recommended - amount } : {}) } };
      }),

    /** The approved amount is paid and posted to the ledger in the same transaction. */
    pay: (user: SessionUser, id: string, input: PaymentInput, lang: Lang) =>
      step(user, id, 'approved', lang, async (trx, row) => {
        const file = await openFile(trx, user.org.id, row.member_id);
        const amount = Number(row.approved_amount);
        const paymentId = await pay(
          trx, database, await capsOf(trx, user.org.id), user,
          { memberId: row.member_id, name: row.member_name, fileId: file.id, level: file.level as HardshipFileLevel, amount, date: input.date, form: input.form, note: input.note, ledgerNote: `困难帮扶：${row.member_name}` },
          lang,
        );
        return { kind: 'pay', state: 'paid', patch: { payment_id: paymentId }, data: { amount, date: input.date, form: input.form } };
      }),
  };
}
