import type { FundExpenseCategory, FundSource } from '../../../common/funds';
import type { Db } from '../../db/database';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor } from '../audit/audit.repo';
import { fundsRepo } from './funds.repo';

/** A payment another module makes (慰问, 帮扶), posted as spending in the payment's own transaction. */
export interface LedgerPost {
  category: FundExpenseCategory;
  /** 分; negative to take back part of an earlier post (one record voided out of a batch). */
  amount: number;
  sourceKind: Exclude<FundSource, 'manual'>;
  sourceId: string;
  /** The payment's date; its calendar year is the ledger year. */
  date: string;
  /** 摘要, as it reads in the ledger and the export. */
  note: string;
}

// The one door into the ledger for other modules, e.g. 困难帮扶:
//   await ledger.post(trx, orgId, { category: 'hardship', amount, sourceKind: 'hardship', sourceId, date, note }, actorOf(user));
// Always pass the transaction that writes the payment, so the two commit or fail together.
export const ledger = {
  async post(trx: Db, orgId: string, p: LedgerPost, by?: Actor): Promise<string> {
    const id = newId();
    await fundsRepo.insert(trx, {
      id, org_id: orgId, year: Number(p.date.slice(0, 4)), date: p.date,
      direction: 'expense', category: p.category, amount: p.amount,
      voucher_no: null, summary: p.note, source_kind: p.sourceKind, source_id: p.sourceId, reverses_id: null,
      created_by: by?.userId ?? null, created_by_name: by?.name ?? null, created_at: nowIso(),
    });
    return id;
  },

  /**
   * Cancels everything a source posted (its payment was voided): one negative entry per posted one,
   * in the same year and on the same date, so each year's ledger keeps matching its records.
   */
  async reverseSource(trx: Db, orgId: string, sourceKind: LedgerPost['sourceKind'], sourceId: string, note: string, by?: Actor): Promise<void> {
    const posted = await fundsRepo.bySource(trx, orgId, sourceKind, sourceId);
    const open = posted.filter((e) => e.reverses_id === null && !posted.some((r) => r.reverses_id === e.id));
    for (const e of open) {
      await fundsRepo.insert(trx, {
        ...e, id: newId(), amount: -e.amount, summary: note, reverses_id: e.id,
        created_by: by?.userId ?? null, created_by_name: by?.name ?? null, created_at: nowIso(),
      });
    }
  },
};
