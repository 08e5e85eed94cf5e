import { z } from 'zod';
import { fen } from './care';
import { isoDate } from './members';
import type { Labels } from './labels';

// 工会经费 (the union's fund ledger), issue 5. A year is the calendar year: the union's accounting
// year runs 1 January – 31 December (《工会会计制度》). Money is integer 分 throughout.

/** Spending categories, each with a yearly budget. 慰问 and 帮扶 are posted by their modules. */
export const FUND_EXPENSE_CATEGORIES = ['care', 'hardship', 'activities', 'training', 'other'] as const;
export type FundExpenseCategory = (typeof FUND_EXPENSE_CATEGORIES)[number];
export const FUND_INCOME_CATEGORIES = ['dues', 'allocation', 'subsidy', 'admin_subsidy', 'other_income'] as const;
export type FundIncomeCategory = (typeof FUND_INCOME_CATEGORIES)[number];
export type FundCategory = FundExpenseCategory | FundIncomeCategory;
export const FUND_CATEGORY_LABELS: Labels<FundCategory> = {
  care: { zh: '慰问', en: 'Care visits' },
  hardship: { zh: '帮扶', en: 'Hardship help' },
  activities: { zh: '文体活动', en: 'Cultural and sports activities' },
  training: { zh: '学习培训', en: 'Study and training' },
  other: { zh: '其他支出', en: 'Other spending' },
  dues: { zh: '会费收入', en: 'Membership dues' },
  allocation: { zh: '拨缴经费收入', en: 'Allocated funds (2% of payroll)' },
  subsidy: { zh: '上级补助收入', en: 'Grants from the upper union' },
  admin_subsidy: { zh: '行政补助收入', en: 'Grants from the school' },
  other_income: { zh: '其他收入', en: 'Other income' },
};

export const FUND_DIRECTIONS = ['income', 'expense'] as const;
export type FundDirection = (typeof FUND_DIRECTIONS)[number];
export const FUND_DIRECTION_LABELS: Labels<FundDirection> = {
  income: { zh: '收入', en: 'Income' },
  expense: { zh: '支出', en: 'Spending' },
};

/** Where an entry comes from: typed in by hand with a voucher, or posted by 慰问 / 帮扶. */
export const FUND_SOURCES = ['manual', 'care', 'care_batch', 'hardship'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Labels<FundSource> = {
  manual: { zh: '手工记账', en: 'Entered by hand' },
  care: { zh: '慰问登记', en: 'Care record' },
  care_batch: { zh: '节日慰问批次', en: 'Festival batch' },
  hardship: { zh: '困难帮扶', en: 'Hardship help' },
};

const year = z.coerce.number().int().min(2000).max(2100);

export const fundEntryInput = z
  .object({
    direction: z.enum(FUND_DIRECTIONS, { message: 'err.enum' }),
    category: z.enum([...FUND_EXPENSE_CATEGORIES, ...FUND_INCOME_CATEGORIES], { message: 'err.enum' }),
    date: isoDate,
    amount: fen,
    /** 凭证号, unique per school and year. */
    voucherNo: z.string().trim().min(1, { message: 'err.required' }).max(40, { message: 'err.too_long' }),
    /** 摘要 */
    summary: z.string().trim().min(1, { message: 'err.required' }).max(200, { message: 'err.too_long' }),
  })
  .superRefine((e, ctx) => {
    const ok = e.direction === 'income' ? (FUND_INCOME_CATEGORIES as readonly string[]).includes(e.category) : (FUND_EXPENSE_CATEGORIES as readonly string[]).includes(e.category);
    if (!ok) ctx.addIssue({ code: 'custom', path: ['category'], message: 'err.fund_category_direction' });
  });
export type FundEntryInput = z.infer<typeof fundEntryInput>;

export const fundReverseInput = z.object({ reason: z.string().trim().min(1, { message: 'err.required' }).max(200, { message: 'err.too_long' }) });

const budgetAmount = z.number({ message: 'err.invalid' }).int({ message: 'err.invalid' }).min(0, { message: 'err.invalid' }).max(10_000_000_000, { message: 'err.invalid' });
export const fundBudgetInput = z.object({
  year,
  items: z.object(Object.fromEntries(FUND_EXPENSE_CATEGORIES.map((c) => [c, budgetAmount])) as Record<FundExpenseCategory, typeof budgetAmount>),
});
export type FundBudgetInput = z.infer<typeof fundBudgetInput>;

export const fundYearQuery = z.object({ year: year.optional() });
export const fundEntryListQuery = z.object({
  year: year.optional(),
  direction: z.enum(FUND_DIRECTIONS, { message: 'err.enum' }).optional(),
  category: z.enum([...FUND_EXPENSE_CATEGORIES, ...FUND_INCOME_CATEGORIES], { message: 'err.enum' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type FundEntryListQuery = z.infer<typeof fundEntryListQuery>;

export interface FundEntry {
  id: string;
  year: number;
  date: string;
  direction: FundDirection;
  category: FundCategory;
  /** 分; a reversal (冲销) carries the negative of the entry it cancels. */
  amount: number;
  voucherNo: string | null;
  summary: string;
  sourceKind: FundSource;
  sourceId: string | null;
  reversesId: string | null;
  reversed: boolean;
  createdByName: string | null;
  createdAt: string;
}

export interface FundBudgetLine {
  category: FundExpenseCategory;
  budget: number;
  spent: number;
  remaining: number;
  /** Spent as a share of the budget, in per cent with one decimal; null without a budget. */
  usePct: number | null;
}

export interface FundSummary {
  year: number;
  /** The balance carried from every earlier year. */
  opening: number;
  income: number;
  expense: number;
  balance: number;
  budget: FundBudgetLine[];
  budgetTotal: number;
  incomeByCategory: { category: FundIncomeCategory; amount: number }[];
}

/** 分 as 元 with two decimals and thousands separators: 220000 → "2,200.00". */
export function formatYuan(amount: number): string {
  const negative = amount < 0;
  const abs = Math.abs(Math.round(amount));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${negative ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2200" or "2,200.5" (元, as typed) → 220050 分; null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/,/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
