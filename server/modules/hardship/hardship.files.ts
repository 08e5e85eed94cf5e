import type { SessionUser } from '../../../common/auth';
import {
  nextReviewDate,
  type HardshipApplication,
  type HardshipFile,
  type HardshipFileDetail,
  type HardshipFileInput,
  type HardshipFileLevel,
  type HardshipFilePatch,
  type HardshipFileStatus,
  type HardshipPayment,
  type HardshipReason,
  type MyHardship,
  type PayForm,
  type ApplicationState,
} from '../../../common/hardship';
import type { Database, Db } from '../../db/database';
import type { HardshipFilesTable } from '../../db/tables';
import { AppError, Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { OrgsService } from '../orgs/orgs.service';
import { capsOf } from './hardship.caps';
import { hardshipRepo, type ApplicationRow, type FileRow, type PaymentRow } from './hardship.repo';
import { trail } from './hardship.trail';

// 困难档案: one per member, read by hardship.manage holders (the chair, the 生活福利委员) and by the
// member (their own, without the committee's notes or the trail). Anyone else gets 404.

export const canManage = (user: SessionUser) => user.permissions.includes('hardship.manage');

export const toFile = (r: FileRow, forMember = false): HardshipFile => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  employeeNo: r.employee_no,
  department: r.department,
  level: r.level as HardshipFileLevel,
  reasons: JSON.parse(r.reasons) as HardshipReason[],
  householdSize: r.household_size,
  incomePerHead: Number(r.income_per_head),
  situation: r.situation,
  notes: forMember ? null : r.notes,
  status: r.status as HardshipFileStatus,
  closedOn: r.closed_on,
  closedReason: r.closed_reason,
  reviewOn: r.review_on,
  lastReviewedOn: r.last_reviewed_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toPayment = (p: PaymentRow): HardshipPayment => ({
  id: p.id,
  date: p.date,
  amount: Number(p.amount),
  form: p.form as PayForm,
  applicationId: p.application_id,
  campaignTitle: p.campaign_title,
});

export const toApplication = (a: ApplicationRow, payments: HardshipPayment[], forMember = false): HardshipApplication => ({
  id: a.id,
  memberId: a.member_id,
  memberName: a.member_name,
  department: a.department,
  fileId: forMember ? null : a.file_id,
  amount: Number(a.amount),
  reason: a.reason,
  state: a.state as ApplicationState,
  appliedByName: a.applied_by_name,
  onBehalf: a.on_behalf === 1,
  recommendedAmount: a.recommended_amount === null ? null : Number(a.recommended_amount),
  approvedAmount: a.approved_amount === null ? null : Number(a.approved_amount),
  rejectReason: a.reject_reason,
  payment: payments.find((p) => p.id === a.payment_id) ?? null,
  createdAt: a.created_at,
  reviewNote: forMember ? null : a.review_note,
  reviewedByName: forMember ? null : a.reviewed_by_name,
  approvedByName: forMember ? null : a.approved_by_name,
});

/** Which fields a patch changes: the audit row names them, never their values. */
const changed = (before: HardshipFilesTable, patch: Partial<HardshipFilesTable>) => Object.keys(patch).filter((k) => k !== 'updated_at' && patch[k as keyof HardshipFilesTable] !== before[k as keyof HardshipFilesTable]);

export function fileActions(database: Database, orgs: OrgsService) {
  const { db } = database;

  async function find(db: Db, orgId: string, id: string): Promise<FileRow> {
    const row = await hardshipRepo.findFile(db, orgId, id);
    if (!row) throw NotFound();
    return row;
  }

  async function detail(user: SessionUser, row: FileRow, forMember: boolean): Promise<HardshipFileDetail> {
    const orgId = user.org.id;
    const payments = (await hardshipRepo.payments(db, orgId, row.member_id)).map(toPayment);
    const apps = await hardshipRepo.applicationsOf(db, orgId, row.member_id);
    const year = Number((await orgs.today(orgId)).slice(0, 4));
    const caps = await capsOf(db, orgId);
    return Object.assign(toFile(row, forMember), {
      applications: apps.map((a) => toApplication(a, payments, forMember)),
      payments,
      givenThisYear: payments.filter((p) => p.date.startsWith(`${year}-`)).reduce((n, p) => n + p.amount, 0),
      cap: caps[row.level as HardshipFileLevel],
      events: forMember
        ? []
        : (await hardshipRepo.events(db, orgId, row.member_id)).map((e) => ({ id: e.id, kind: e.kind, at: e.at, actorName: e.actor_name, applicationId: e.application_id, data: JSON.parse(e.data) })),
    });
  }

  async function change(user: SessionUser, id: string, kind: string, build: (row: FileRow) => Partial<HardshipFilesTable>, data: (row: FileRow) => Record<string, unknown> = () => ({})) {
    const orgId = user.org.id;
    await db.transaction().execute(async (trx) => {
      const row = await find(trx, orgId, id);
      const patch = { ...build(row), updated_at: nowIso() };
      const fields = changed(row, patch);
      await hardshipRepo.updateFile(trx, orgId, id, patch);
      await trail(trx, user, { memberId: row.member_id, kind, data: { fields, ...data(row) }, audit: { action: kind === 'file_update' ? 'update' : kind.replace('file_', ''), entity: 'hardship_file', entityId: id, after: { fields } } });
    });
    return detail(user, await find(db, orgId, id), false);
  }

  return {
    async list(user: SessionUser, f: { status?: string; level?: string }) {
      return { items: (await hardshipRepo.listFiles(db, user.org.id, f)).map((r) => toFile(r)) };
    },

    /** The committee reads the whole file; the member their own without notes and trail; anyone else 404. */
    async get(user: SessionUser, id: string): Promise<HardshipFileDetail> {
      const row = await find(db, user.org.id, id);
      if (canManage(user)) return detail(user, row, false);
      if (user.memberId && row.member_id === user.memberId) return detail(user, row, true);
      throw NotFound();
    },

    async create(user: SessionUser, input: HardshipFileInput): Promise<HardshipFileDetail> {
      const orgId = user.org.id;
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (!(await hardshipRepo.member(trx, orgId, input.memberId))) throw Invalid('memberId', 'err.hardship_member');
        if (await hardshipRepo.fileOf(trx, orgId, input.memberId)) throw Conflict('hardship_file_exists', 'err.hardship_file_exists', { memberId: 'err.hardship_file_exists' });
        const now = nowIso();
        await hardshipRepo.insertFile(trx, {
          id, org_id: orgId, member_id: input.memberId, level: input.level, reasons: JSON.stringify([...new Set(input.reasons)]),
          household_size: input.householdSize, income_per_head: input.incomePerHead, situation: input.situation, notes: input.notes,
          status: 'open', closed_on: null, closed_reason: null, review_on: input.reviewOn, last_reviewed_on: null,
          created_by: user.id, created_at: now, updated_at: now,
        });
        await trail(trx, user, { memberId: input.memberId, kind: 'file_create', data: { level: input.level, reviewOn: input.reviewOn }, audit: { action: 'create', entity: 'hardship_file', entityId: id, after: { fileId: id } } });
      });
      return detail(user, await find(db, orgId, id), false);
    },

    update: (user: SessionUser, id: string, p: HardshipFilePatch) =>
      change(
        user,
        id,
        'file_update',
        () => ({
          ...(p.level !== undefined ? { level: p.level } : {}),
          ...(p.reasons !== undefined ? { reasons: JSON.stringify([...new Set(p.reasons)]) } : {}),
          ...(p.householdSize !== undefined ? { household_size: p.householdSize } : {}),
          ...(p.incomePerHead !== undefined ? { income_per_head: p.incomePerHead } : {}),
          ...(p.situation !== undefined ? { situation: p.situation } : {}),
          ...(p.notes !== undefined ? { notes: p.notes } : {}),
          ...(p.reviewOn !== undefined ? { review_on: p.reviewOn } : {}),
        }),
        (row) => (p.level !== undefined && p.level !== row.level ? { level: { from: row.level, to: p.level } } : {}),
      ),

    /** 脱困: closed with the date and reason; applications stay as they are. */
    close: (user: SessionUser, id: string, date: string, reason: string) =>
      change(user, id, 'file_close', (row) => {
        if (row.status !== 'open') throw fileState(row);
        return { status: 'closed', closed_on: date, closed_reason: reason };
      }, () => ({ date, reason })),

    reopen: (user: SessionUser, id: string, reviewOn: string) =>
      change(user, id, 'file_reopen', (row) => {
        if (row.status !== 'closed') throw fileState(row);
        return { status: 'open', closed_on: null, closed_reason: null, review_on: reviewOn };
      }),

    /** The yearly review was done on `date`: the next falls a year later. */
    reviewed: (user: SessionUser, id: string, date: string, note?: string) =>
      change(user, id, 'file_review', (row) => {
        if (row.status !== 'open') throw fileState(row);
        return { last_reviewed_on: date, review_on: nextReviewDate(date) };
      }, () => ({ date, next: nextReviewDate(date), ...(note ? { note } : {}) })),

    /** 我的帮扶: the signed-in member's own file and applications, without the committee's notes. */
    async mine(user: SessionUser): Promise<MyHardship> {
      const orgId = user.org.id;
      if (!user.memberId) return { memberId: null, file: null, applications: [], payments: [] };
      const row = await hardshipRepo.fileOf(db, orgId, user.memberId);
      const payments = (await hardshipRepo.payments(db, orgId, user.memberId)).map(toPayment);
      const apps = await hardshipRepo.applicationsOf(db, orgId, user.memberId);
      return { memberId: user.memberId, file: row ? toFile(row, true) : null, applications: apps.map((a) => toApplication(a, payments, true)), payments };
    },
  };
}

const fileState = (row: FileRow) => new AppError(409, 'invalid_state', row.status === 'open' ? 'err.hardship_file_open' : 'err.hardship_file_closed');
