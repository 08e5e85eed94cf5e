import type { SessionUser } from '../../../common/auth';
import {
  CARE_TYPE_LABELS,
  CARE_TYPES,
  illnessKey,
  type CareForm,
  type CareListQuery,
  type CareRecord,
  type CareRecordInput,
  type CareStanding,
  type CareType,
  type Festival,
} from '../../../common/care';
import type { Lang } from '../../../common/i18n';
import type { Database } from '../../db/database';
import type { CareRecordsTable } from '../../db/tables';
import { AppError, Forbidden, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { localDate, nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { ledger } from '../funds/funds.ledger';
import type { OrgsService } from '../orgs/orgs.service';
import { breachText, capBreach, capError, givenThisYear } from './care.caps';
import { careRepo, type CareRecordRow } from './care.repo';

export const toCareRecord = (r: CareRecordRow): CareRecord => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  employeeNo: r.employee_no,
  department: r.department,
  type: r.type as CareType,
  date: r.date,
  year: r.year,
  amount: Number(r.amount),
  form: r.form as CareForm,
  item: r.item,
  festival: r.festival as Festival | null,
  reason: r.reason,
  admittedOn: r.admitted_on,
  dischargedOn: r.discharged_on,
  visitors: r.visitors,
  note: r.note,
  overrideReason: r.override_reason,
  batchId: r.batch_id,
  voidedAt: r.voided_at,
  voidReason: r.void_reason,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
});

/** 摘要 of a care payment in the ledger: 生病住院慰问：张三. */
export const ledgerNote = (type: CareType, name: string) => `${CARE_TYPE_LABELS[type].zh}慰问：${name}`;

export function recordActions(database: Database, orgs: OrgsService) {
  const { db, dialect } = database;

  async function find(orgId: string, id: string): Promise<CareRecordRow> {
    const row = await careRepo.findRecord(db, orgId, id);
    if (!row) throw NotFound();
    return row;
  }

  return {
    get: async (user: SessionUser, id: string) => toCareRecord(await find(user.org.id, id)),

    async list(user: SessionUser, q: CareListQuery) {
      const { rows, total } = await careRepo.listRecords(db, user.org.id, q);
      return { items: rows.map(toCareRecord), total };
    },

    /**
     * Records one payment. The member's row is locked while the caps are checked and the record and
     * its ledger entry written, so two entries at once cannot together pass a cap.
     */
    async record(user: SessionUser, input: CareRecordInput, lang: Lang): Promise<CareRecord> {
      const orgId = user.org.id;
      const { settings } = await orgs.get(orgId);
      const form = input.form ?? (input.type === 'festival' ? 'goods' : 'cash');
      // 节日慰问: goods only, never cash or shopping cards (DOMAIN.md; 皖工发〔2025〕18号). Not a cap: no override.
      if (input.type === 'festival' && form === 'cash') throw Invalid('form', 'err.care_festival_cash');
      if (input.override) {
        if (!user.roles.includes('chair')) throw Forbidden('err.care_override_chair');
        if (!settings.allowCapOverride) throw new AppError(422, 'override_not_allowed', 'err.care_override_off');
      }
      const year = Number(input.date.slice(0, 4));
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const [member] = await careRepo.lockMembers(trx, dialect, orgId, [input.memberId]);
        if (!member) throw Invalid('memberId', 'err.care_member');
        const key = input.type === 'hospital' ? illnessKey(input.reason ?? '') : null;
        const sameIllness = key ? (await careRepo.illnesses(trx, orgId, member.id, year)).find((i) => i.illness_key === key) : undefined;
        const given = (await givenThisYear(trx, orgId, [member.id], year)).get(member.id) ?? {};
        const breach = capBreach(settings.careCaps, { type: input.type, amount: input.amount, year, name: member.name, given, sameIllness: sameIllness && { ...sameIllness, amount: Number(sameIllness.amount) } }, lang);
        if (breach && !input.override) throw capError(breach);

        const now = nowIso();
        const row: CareRecordsTable = {
          id, org_id: orgId, member_id: member.id, type: input.type, date: input.date, year, amount: input.amount, form,
          item: input.item ?? null, festival: input.festival ?? null, reason: input.reason ?? null, illness_key: key,
          admitted_on: input.type === 'hospital' ? (input.admittedOn ?? input.date) : null,
          discharged_on: input.type === 'hospital' ? (input.dischargedOn ?? null) : null,
          visitors: input.visitors ?? null, note: input.note ?? null,
          override_reason: breach ? input.overrideReason! : null,
          batch_id: null, voided_at: null, void_reason: null,
          created_by: user.id, created_by_name: user.displayName, created_at: now, updated_at: now,
        };
        await careRepo.insertRecords(trx, [row]);
        await ledger.post(trx, orgId, { category: 'care', amount: input.amount, sourceKind: 'care', sourceId: id, date: input.date, note: ledgerNote(input.type, member.name) }, actorOf(user));
        const label = `${member.name} ${CARE_TYPE_LABELS[input.type].zh}`;
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'care_record', entityId: id, label, after: row });
        // Above a cap by the chair's decision: the cap it passed and the written reason, on their own line.
        if (breach) await auditRepo.record(trx, actorOf(user), { action: 'override', entity: 'care_record', entityId: id, label, after: { cap: breachText(breach, 'zh'), reason: input.overrideReason } });
      });
      return toCareRecord(await find(orgId, id));
    },

    /** The stay, who went, notes; never money (void and record again for that). */
    async update(user: SessionUser, id: string, patch: { dischargedOn?: string | null; visitors?: string | null; note?: string | null }): Promise<CareRecord> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await careRepo.findRecord(trx, orgId, id);
        if (!before) throw NotFound();
        if (patch.dischargedOn && before.admitted_on && patch.dischargedOn < before.admitted_on) throw Invalid('dischargedOn', 'err.care_discharge_before');
        const changes: Partial<CareRecordsTable> = { updated_at: nowIso() };
        if (patch.dischargedOn !== undefined && before.type === 'hospital') changes.discharged_on = patch.dischargedOn;
        if (patch.visitors !== undefined) changes.visitors = patch.visitors || null;
        if (patch.note !== undefined) changes.note = patch.note || null;
        await careRepo.updateRecord(trx, orgId, id, changes);
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'care_record', entityId: id, label: before.member_name, before: toCareRecord(before), after: changes });
      });
      return toCareRecord(await find(orgId, id));
    },

    /** 作废: the record stays, marked void with the reason, and its money leaves the ledger. */
    async void(user: SessionUser, id: string, reason: string): Promise<CareRecord> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const r = await careRepo.findRecord(trx, orgId, id);
        if (!r) throw NotFound();
        if (r.voided_at) throw new AppError(409, 'already_void', 'err.care_voided');
        await careRepo.updateRecord(trx, orgId, id, { voided_at: nowIso(), void_reason: reason, updated_at: nowIso() });
        const note = `作废 ${ledgerNote(r.type as CareType, r.member_name)}：${reason}`;
        // A batch posted one entry for everyone: take this person's share back out of it.
        if (r.batch_id) await ledger.post(trx, orgId, { category: 'care', amount: -Number(r.amount), sourceKind: 'care', sourceId: id, date: r.date, note }, actorOf(user));
        else await ledger.reverseSource(trx, orgId, 'care', id, note, actorOf(user));
        await auditRepo.record(trx, actorOf(user), { action: 'void', entity: 'care_record', entityId: id, label: r.member_name, before: toCareRecord(r), after: { reason } });
      });
      return toCareRecord(await find(orgId, id));
    },

    /** A member's year against the caps (default: this year), for the form to show before submitting. */
    async standing(user: SessionUser, memberId: string, year?: number): Promise<CareStanding> {
      const orgId = user.org.id;
      const { settings } = await orgs.get(orgId);
      const y = year ?? Number(localDate(settings.timezone).slice(0, 4));
      const [member] = await careRepo.members(db, orgId, [memberId]);
      if (!member) throw NotFound('err.member_not_found');
      const given = (await givenThisYear(db, orgId, [memberId], y)).get(memberId) ?? {};
      return {
        memberId,
        memberName: member.name,
        year: y,
        caps: settings.careCaps,
        allowOverride: settings.allowCapOverride,
        given: Object.fromEntries(CARE_TYPES.map((t) => [t, given[t] ?? { amount: 0, count: 0 }])) as CareStanding['given'],
        illnesses: (await careRepo.illnesses(db, orgId, memberId, y)).map((i) => ({ reason: i.reason ?? '', date: i.date, amount: Number(i.amount) })),
      };
    },
  };
}
