import type { SessionUser } from '../../../common/auth';
import { FESTIVAL_LABELS, type BatchPreview, type BatchPreviewRow, type BatchScope, type CareBatch, type CareCaps, type CareBatchInput, type Festival } from '../../../common/care';
import { formatYuan } from '../../../common/funds';
import type { Lang } from '../../../common/i18n';
import type { Database, Db } from '../../db/database';
import type { CareBatchesTable, CareRecordsTable } from '../../db/tables';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { chineseAmount } from '../../lib/money';
import { tablePdf } from '../../lib/pdf';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { ledger } from '../funds/funds.ledger';
import type { OrgsService } from '../orgs/orgs.service';
import { breachText, capBreach, givenThisYear } from './care.caps';
import { careRepo, type CareMember } from './care.repo';

// 节日慰问 for a group (all retirees, a 工会小组, chosen members): the preview checks every person
// against the caps; recording writes all of them, or none, in one transaction; the 签收单 lists them
// for real-name signatures.

const toBatch = (b: CareBatchesTable): CareBatch => ({
  id: b.id,
  festival: b.festival as Festival,
  date: b.date,
  scope: b.scope as BatchScope,
  groupName: b.group_name,
  item: b.item,
  amount: Number(b.amount),
  count: b.count,
  total: Number(b.total),
  visitors: b.visitors,
  note: b.note,
  createdByName: b.created_by_name,
  createdAt: b.created_at,
});

const festivalName = (b: { festival: string; date: string }) => `${b.date.slice(0, 4)}年${FESTIVAL_LABELS[b.festival as Festival].zh}`;

export function batchActions(database: Database, orgs: OrgsService) {
  const { db, dialect } = database;

  /** Who the batch is for, minus those taken out after the preview. */
  async function recipients(trx: Db, orgId: string, input: CareBatchInput): Promise<{ members: CareMember[]; groupName: string | null }> {
    let members: CareMember[];
    let groupName: string | null = null;
    if (input.scope === 'retirees') members = await careRepo.retirees(trx, orgId);
    else if (input.scope === 'group') {
      groupName = (await careRepo.groupName(trx, orgId, input.groupId!)) ?? null;
      if (!groupName) throw Invalid('groupId', 'err.group_not_found');
      members = await careRepo.groupMembers(trx, orgId, input.groupId!);
    } else {
      const ids = [...new Set(input.memberIds)];
      members = await careRepo.members(trx, orgId, ids);
      if (members.length !== ids.length) throw Invalid('memberIds', 'err.care_member');
    }
    const out = new Set(input.exclude);
    return { members: members.filter((m) => !out.has(m.id)), groupName };
  }

  /** Each person against the yearly 节日 cap (the batch gives goods, so the goods-only rule holds). */
  async function check(trx: Db, orgId: string, caps: CareCaps, input: CareBatchInput, members: CareMember[], lang: Lang) {
    const year = Number(input.date.slice(0, 4));
    const given = await givenThisYear(trx, orgId, members.map((m) => m.id), year);
    return members.map((m) => {
      const g = given.get(m.id) ?? {};
      const breach = capBreach(caps, { type: 'festival', amount: input.amount, year, name: m.name, given: g }, lang);
      return { member: m, given: g.festival?.amount ?? 0, breach, problem: breach && breachText(breach, lang) };
    });
  }

  return {
    /** Nothing is written: who would receive, and who would pass a cap. */
    async preview(user: SessionUser, input: CareBatchInput, lang: Lang): Promise<BatchPreview> {
      const orgId = user.org.id;
      const { settings } = await orgs.get(orgId);
      const { members } = await recipients(db, orgId, input);
      const checked = await check(db, orgId, settings.careCaps, input, members, lang);
      const rows: BatchPreviewRow[] = checked.map((c) => ({ memberId: c.member.id, name: c.member.name, employeeNo: c.member.employee_no, department: c.member.department, given: c.given, problem: c.problem }));
      const ok = rows.filter((r) => !r.problem).length;
      return { rows, count: rows.length, total: ok * input.amount, exceeding: rows.length - ok, cap: settings.careCaps.festivalPerYear };
    },

    /** All or nothing: if anyone would pass a cap, nothing is written and they are named. */
    async create(user: SessionUser, input: CareBatchInput, lang: Lang): Promise<CareBatch> {
      const orgId = user.org.id;
      // Read before the transaction: on SQLite a query outside it would wait for it (one connection).
      const { settings } = await orgs.get(orgId);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const { members, groupName } = await recipients(trx, orgId, input);
        if (members.length === 0) throw Invalid('memberIds', 'err.care_batch_empty');
        await careRepo.lockMembers(trx, dialect, orgId, members.map((m) => m.id));
        const checked = await check(trx, orgId, settings.careCaps, input, members, lang);
        const over = checked.filter((c) => c.breach);
        if (over.length > 0) {
          const names = over.slice(0, 20).map((c) => `${c.member.name}（${formatYuan(c.given)}）`).join('、') + (over.length > 20 ? ' …' : '');
          throw new AppError(422, 'cap_exceeded', 'err.cap_batch', { count: over.length, names });
        }
        const now = nowIso();
        const year = Number(input.date.slice(0, 4));
        const total = members.length * input.amount;
        const batch: CareBatchesTable = {
          id, org_id: orgId, festival: input.festival, date: input.date, year, scope: input.scope, group_name: groupName,
          item: input.item, amount: input.amount, count: members.length, total,
          visitors: input.visitors ?? null, note: input.note ?? null,
          created_by: user.id, created_by_name: user.displayName, created_at: now,
        };
        await careRepo.insertBatch(trx, batch);
        const records: CareRecordsTable[] = members.map((m) => ({
          id: newId(), org_id: orgId, member_id: m.id, type: 'festival', date: input.date, year, amount: input.amount, form: 'goods',
          item: input.item, festival: input.festival, reason: null, illness_key: null, admitted_on: null, discharged_on: null,
          visitors: input.visitors ?? null, note: input.note ?? null, override_reason: null, batch_id: id,
          voided_at: null, void_reason: null, created_by: user.id, created_by_name: user.displayName, created_at: now, updated_at: now,
        }));
        await careRepo.insertRecords(trx, records);
        await ledger.post(trx, orgId, { category: 'care', amount: total, sourceKind: 'care_batch', sourceId: id, date: input.date, note: `${festivalName(batch)}慰问：${members.length} 人，${input.item}` }, actorOf(user));
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'care_batch', entityId: id, label: `${festivalName(batch)}慰问 ${members.length} 人`, after: { ...batch, memberIds: members.map((m) => m.id) } });
      });
      return toBatch((await careRepo.findBatch(db, orgId, id))!);
    },

    list: async (user: SessionUser, year: number) => ({ items: (await careRepo.listBatches(db, user.org.id, year)).map(toBatch) }),

    async get(user: SessionUser, id: string) {
      const b = await careRepo.findBatch(db, user.org.id, id);
      if (!b) throw NotFound();
      return toBatch(b);
    },

    /** The 签收单: A4, one row per person with an empty 签字 column; void records are left out. */
    async receipt(user: SessionUser, id: string): Promise<{ buffer: Buffer; filename: string }> {
      const orgId = user.org.id;
      const b = await careRepo.findBatch(db, orgId, id);
      if (!b) throw NotFound();
      const rows = (await careRepo.batchRecords(db, orgId, id)).filter((r) => !r.voided_at);
      const total = rows.reduce((n, r) => n + Number(r.amount), 0);
      const title = `${festivalName(b)}慰问签收单`;
      const buffer = await tablePdf({
        title,
        lines: [`${user.org.name}工会`, `发放日期：${b.date}　　发放物品：${b.item}（每份价值 ${formatYuan(Number(b.amount))} 元）${b.group_name ? `　　范围：${b.group_name}` : ''}`],
        columns: [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '姓名', width: 0.16 },
          { header: '部门', width: 0.2 },
          { header: '金额 / 物品', width: 0.3 },
          { header: '签字', width: 0.26 },
        ],
        rows: rows.map((r, i) => [String(i + 1), r.member_name, r.department ?? '', `${r.item ?? ''} ${formatYuan(Number(r.amount))} 元`, '']),
        after: [`合计：${rows.length} 人，金额 ${formatYuan(total)} 元（大写：${chineseAmount(total)}）`],
        signOff: '经办人：____________　　审核人：____________　　工会主席：____________',
      });
      return { buffer, filename: `${title}.pdf` };
    },
  };
}
