import type { SessionUser } from '../../../common/auth';
import {
  FUND_CATEGORY_LABELS,
  FUND_DIRECTION_LABELS,
  FUND_EXPENSE_CATEGORIES,
  FUND_INCOME_CATEGORIES,
  FUND_SOURCE_LABELS,
  type FundBudgetInput,
  type FundCategory,
  type FundDirection,
  type FundEntry,
  type FundEntryInput,
  type FundEntryListQuery,
  type FundSource,
  type FundSummary,
} from '../../../common/funds';
import type { Db } from '../../db/database';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { workbookBuffer } from '../../lib/xlsx';
import { actorOf, auditRepo } from '../audit/audit.repo';
import type { OrgsService } from '../orgs/orgs.service';
import { fundsRepo, type FundEntryRow } from './funds.repo';

// 工会经费: budgets per category and year, entries by hand with a 凭证号, and the at-a-glance
// summary; automatic posts from 慰问 and 帮扶 arrive through funds.ledger.ts.

const isUniqueViolation = (e: unknown) => {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
};
const voucherTaken = (voucher: string, year: number) => new AppError(409, 'voucher_taken', 'err.fund_voucher_taken', { voucher, year }, { voucherNo: 'err.fund_voucher_taken' });

export const toFundEntry = (r: FundEntryRow): FundEntry => ({
  id: r.id,
  year: r.year,
  date: r.date,
  direction: r.direction as FundDirection,
  category: r.category as FundCategory,
  amount: Number(r.amount),
  voucherNo: r.voucher_no,
  summary: r.summary,
  sourceKind: r.source_kind as FundSource,
  sourceId: r.source_id,
  reversesId: r.reverses_id,
  reversed: r.reversed_by !== null,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
});

export function createFundsService(db: Db, orgs: OrgsService) {
  const thisYear = async (orgId: string) => Number((await orgs.today(orgId)).slice(0, 4));
  const yearOr = async (user: SessionUser, year?: number) => year ?? (await thisYear(user.org.id));

  async function summary(user: SessionUser, year?: number): Promise<FundSummary> {
    const orgId = user.org.id;
    const y = await yearOr(user, year);
    const [totals, budgets, opening] = await Promise.all([fundsRepo.totals(db, orgId, y), fundsRepo.budgets(db, orgId, y), fundsRepo.carried(db, orgId, y)]);
    const sum = (direction: string, category?: string) =>
      totals.filter((t) => t.direction === direction && (!category || t.category === category)).reduce((n, t) => n + Number(t.amount), 0);
    const income = sum('income');
    const expense = sum('expense');
    const budget = FUND_EXPENSE_CATEGORIES.map((category) => {
      const planned = Number(budgets.find((b) => b.category === category)?.amount ?? 0);
      const spent = sum('expense', category);
      return { category, budget: planned, spent, remaining: planned - spent, usePct: planned > 0 ? Math.round((spent * 1000) / planned) / 10 : null };
    });
    return {
      year: y,
      opening,
      income,
      expense,
      balance: opening + income - expense,
      budget,
      budgetTotal: budget.reduce((n, b) => n + b.budget, 0),
      incomeByCategory: FUND_INCOME_CATEGORIES.map((category) => ({ category, amount: sum('income', category) })),
    };
  }

  return {
    summary,

    async entries(user: SessionUser, q: FundEntryListQuery) {
      const { rows, total } = await fundsRepo.list(db, user.org.id, await yearOr(user, q.year), q);
      return { items: rows.map(toFundEntry), total };
    },

    async addEntry(user: SessionUser, input: FundEntryInput): Promise<FundEntry> {
      const orgId = user.org.id;
      const year = Number(input.date.slice(0, 4));
      const id = newId();
      try {
        await db.transaction().execute(async (trx) => {
          await fundsRepo.insert(trx, {
            id, org_id: orgId, year, date: input.date, direction: input.direction, category: input.category, amount: input.amount,
            voucher_no: input.voucherNo, summary: input.summary, source_kind: 'manual', source_id: null, reverses_id: null,
            created_by: user.id, created_by_name: user.displayName, created_at: nowIso(),
          });
          await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'fund_entry', entityId: id, label: `${input.voucherNo} ${input.summary}`, after: input });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw voucherTaken(input.voucherNo, year);
        throw e;
      }
      return toFundEntry((await fundsRepo.find(db, orgId, id))!);
    },

    /** 冲销: a manual entry is cancelled by a negative twin that names its 凭证号; nothing is deleted. */
    async reverse(user: SessionUser, id: string, reason: string): Promise<FundEntry> {
      const orgId = user.org.id;
      const reversalId = newId();
      try {
        await db.transaction().execute(async (trx) => {
          const e = await fundsRepo.find(trx, orgId, id);
          if (!e) throw NotFound('err.fund_entry_not_found');
          if (e.source_kind !== 'manual' || e.reverses_id) throw Invalid('id', 'err.fund_not_manual');
          if (e.reversed_by) throw new AppError(409, 'already_reversed', 'err.fund_reversed');
          const { reversed_by: _, ...row } = e;
          await fundsRepo.insert(trx, {
            ...row, id: reversalId, amount: -e.amount, voucher_no: null, summary: `冲销 ${e.voucher_no}：${reason}`, reverses_id: e.id,
            created_by: user.id, created_by_name: user.displayName, created_at: nowIso(),
          });
          await auditRepo.record(trx, actorOf(user), { action: 'reverse', entity: 'fund_entry', entityId: e.id, label: `${e.voucher_no} ${e.summary}`, after: { reversalId, reason } });
        });
      } catch (e) {
        // Two reversals at once: the unique index on reverses_id lets one through.
        if (isUniqueViolation(e)) throw new AppError(409, 'already_reversed', 'err.fund_reversed');
        throw e;
      }
      return toFundEntry((await fundsRepo.find(db, orgId, id))!);
    },

    async setBudget(user: SessionUser, input: FundBudgetInput): Promise<FundSummary> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = Object.fromEntries((await fundsRepo.budgets(trx, orgId, input.year)).map((b) => [b.category, Number(b.amount)]));
        const at = nowIso();
        for (const category of FUND_EXPENSE_CATEGORIES) await fundsRepo.setBudget(trx, orgId, input.year, category, input.items[category], user.id, at);
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'fund_budget', entityId: String(input.year), label: `${input.year} 年预算`, before, after: input.items });
      });
      return summary(user, input.year);
    },

    /** The year's ledger as .xlsx: every entry, the budget against spending, income by category. */
    async exportYear(user: SessionUser, year?: number): Promise<{ buffer: Buffer; filename: string }> {
      const s = await summary(user, year);
      const rows = await fundsRepo.year(db, user.org.id, s.year);
      const yuan = (fen: number) => fen / 100;
      const buffer = await workbookBuffer([
        {
          name: '收支明细',
          headers: ['日期', '凭证号', '收支', '类别', '摘要', '金额（元）', '来源', '经办人'],
          rows: [
            ...rows.map((r) => [r.date, r.voucher_no, FUND_DIRECTION_LABELS[r.direction as FundDirection].zh, FUND_CATEGORY_LABELS[r.category as FundCategory].zh, r.summary, yuan(Number(r.amount)), FUND_SOURCE_LABELS[r.source_kind as FundSource].zh, r.created_by_name]),
            [null, null, null, null, '收入合计', yuan(s.income), null, null],
            [null, null, null, null, '支出合计', yuan(s.expense), null, null],
          ],
          textColumns: [1],
        },
        {
          name: '预算执行',
          headers: ['类别', '预算（元）', '已支出（元）', '余额（元）', '使用率（%）'],
          rows: [
            ...s.budget.map((b) => [FUND_CATEGORY_LABELS[b.category].zh, yuan(b.budget), yuan(b.spent), yuan(b.remaining), b.usePct]),
            ['合计', yuan(s.budgetTotal), yuan(s.expense), yuan(s.budgetTotal - s.expense), null],
          ],
        },
        {
          name: '结余',
          headers: ['项目', '金额（元）'],
          rows: [
            ['上年结转', yuan(s.opening)],
            ...s.incomeByCategory.map((i) => [FUND_CATEGORY_LABELS[i.category].zh, yuan(i.amount)]),
            ['本年收入合计', yuan(s.income)],
            ['本年支出合计', yuan(s.expense)],
            ['年末结余', yuan(s.balance)],
          ],
        },
      ]);
      return { buffer, filename: `${user.org.name}工会经费收支-${s.year}年.xlsx` };
    },
  };
}
export type FundsService = ReturnType<typeof createFundsService>;
