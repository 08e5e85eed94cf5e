import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { FundEntryListQuery } from '../../../common/funds';
import { compiledQuery, pageOf, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { FundEntriesTable, Tables } from '../../db/tables';

/** SUM of money as a number on both databases (PostgreSQL sums bigint into numeric, which pg returns as text). */
export const sumOf = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;

export type FundEntryRow = FundEntriesTable & { reversed_by: string | null };

const withReversal = (db: Db, orgId: string) =>
  db
    .selectFrom('fund_entries as e')
    .leftJoin('fund_entries as r', (j) => j.onRef('r.reverses_id', '=', 'e.id'))
    .where('e.org_id', '=', orgId)
    .selectAll('e')
    .select('r.id as reversed_by');

type LedgerFilter = { orgId: string; year: number; direction: string | null; category: string | null };
/** The year's entries, and each filter where the list asks for it. */
const matches = (shape: { direction: boolean; category: boolean }, p: LedgerFilter) => (eb: ExpressionBuilder<Tables & { e: FundEntriesTable }, 'e'>) => {
  const and: Expression<SqlBool>[] = [eb('e.year', '=', p.year)];
  if (shape.direction) and.push(eb('e.direction', '=', p.direction!));
  if (shape.category) and.push(eb('e.category', '=', p.category!));
  return eb.and(and);
};
// A page of the ledger, compiled once per filter shape (db/compiled.ts): Kysely's building of the two
// queries cost more than SQLite takes to run them.
const ledgerPage = perShape(
  (s: { direction: boolean; category: boolean }) => `${s.direction}|${s.category}`,
  (shape) => ({
    total: compiledQuery((db, p: LedgerFilter) =>
      db.selectFrom('fund_entries as e').where('e.org_id', '=', p.orgId).where(matches(shape, p)).select((eb) => eb.fn.countAll<number>().as('total')),
    ),
    rows: compiledQuery((db, p: LedgerFilter & { limit: number; offset: number }) =>
      withReversal(db, p.orgId).where(matches(shape, p)).orderBy('e.date', 'desc').orderBy('e.created_at', 'desc').orderBy('e.id').limit(p.limit).offset(p.offset),
    ),
  }),
);

export const fundsRepo = {
  insert: (db: Db, row: FundEntriesTable) => db.insertInto('fund_entries').values(row).execute(),

  find: (db: Db, orgId: string, id: string): Promise<FundEntryRow | undefined> => withReversal(db, orgId).where('e.id', '=', id).executeTakeFirst(),

  /** The entries posted for a source (a care record or batch, a hardship payment), reversals included. */
  bySource: (db: Db, orgId: string, kind: string, id: string) =>
    db.selectFrom('fund_entries').selectAll().where('org_id', '=', orgId).where('source_kind', '=', kind).where('source_id', '=', id).execute(),

  async list(db: Db, orgId: string, year: number, f: FundEntryListQuery): Promise<{ rows: FundEntryRow[]; total: number }> {
    const queries = ledgerPage({ direction: !!f.direction, category: !!f.category });
    const values = { orgId, year, direction: f.direction ?? null, category: f.category ?? null };
    return pageOf(db, queries, values, f);
  },

  /** Every entry of a year, oldest first (the export). */
  year: (db: Db, orgId: string, year: number): Promise<FundEntryRow[]> =>
    withReversal(db, orgId).where('e.year', '=', year).orderBy('e.date').orderBy('e.created_at').orderBy('e.id').execute(),

  /** Sums per direction and category for one year. */
  totals: (db: Db, orgId: string, year: number) =>
    db
      .selectFrom('fund_entries')
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .groupBy(['direction', 'category'])
      .select(['direction', 'category', sumOf('amount').as('amount')])
      .execute(),

  /** Income minus spending of every year before `year`: the balance carried into it. */
  async carried(db: Db, orgId: string, year: number): Promise<number> {
    const rows = await db
      .selectFrom('fund_entries')
      .where('org_id', '=', orgId)
      .where('year', '<', year)
      .groupBy('direction')
      .select(['direction', sumOf('amount').as('amount')])
      .execute();
    return rows.reduce((n, r) => n + (r.direction === 'income' ? 1 : -1) * Number(r.amount), 0);
  },

  budgets: (db: Db, orgId: string, year: number) => db.selectFrom('fund_budgets').select(['category', 'amount']).where('org_id', '=', orgId).where('year', '=', year).execute(),

  async setBudget(db: Db, orgId: string, year: number, category: string, amount: number, userId: string, at: string): Promise<void> {
    await db
      .insertInto('fund_budgets')
      .values({ org_id: orgId, year, category, amount, updated_by: userId, updated_at: at })
      .onConflict((oc) => oc.columns(['org_id', 'year', 'category']).doUpdateSet({ amount, updated_by: userId, updated_at: at }))
      .execute();
  },
};
