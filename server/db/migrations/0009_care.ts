import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// 慰问 records and 节日慰问 batches, and the 工会经费 ledger: yearly budgets per category and entries,
// posted by hand (with a 凭证号) or by 慰问 / 帮扶 in the same transaction as the payment.
// Money is integer 分 in bigint columns (a batch total or a budget can pass int4's 2,147万元).
export async function m0009_care(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('care_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('festival', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    // The group's name as it was, for the printed 签收单.
    .addColumn('group_name', 'text')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('visitors', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_batches_org_date').on('care_batches').columns(['org_id', 'date']).execute();

  await db.schema
    .createTable('care_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Calendar year of `date`: every cap counts per calendar year (docs/rules.md).
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('item', 'text')
    .addColumn('festival', 'text')
    .addColumn('reason', 'text')
    // The reason normalised (common/care.ts illnessKey): 住院 once per illness per year compares this.
    .addColumn('illness_key', 'text')
    .addColumn('admitted_on', 'text')
    .addColumn('discharged_on', 'text')
    .addColumn('visitors', 'text')
    .addColumn('note', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('batch_id', 'text', (c) => c.references('care_batches.id'))
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_records_org_member_year').on('care_records').columns(['org_id', 'member_id', 'year']).execute();
  await db.schema.createIndex('care_records_org_date').on('care_records').columns(['org_id', 'date']).execute();
  await db.schema.createIndex('care_records_org_batch').on('care_records').columns(['org_id', 'batch_id']).execute();
  // The 工作台's "in hospital now": open stays only.
  await db.schema
    .createIndex('care_records_org_open_stay')
    .on('care_records')
    .columns(['org_id', 'admitted_on'])
    .where(sql.ref('discharged_on'), 'is', null)
    .execute();

  await db.schema
    .createTable('fund_budgets')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_budgets_pk', ['org_id', 'year', 'category'])
    .execute();

  await db.schema
    .createTable('fund_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // Negative for a reversal (冲销) of the entry in reverses_id.
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('voucher_no', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('reverses_id', 'text', (c) => c.references('fund_entries.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // 凭证号 unique per school and year; automatic posts carry none.
  await db.schema
    .createIndex('fund_entries_voucher')
    .unique()
    .on('fund_entries')
    .columns(['org_id', 'year', 'voucher_no'])
    .where(sql.ref('voucher_no'), 'is not', null)
    .execute();
  await db.schema.createIndex('fund_entries_org_year').on('fund_entries').columns(['org_id', 'year', 'date']).execute();
  await db.schema.createIndex('fund_entries_org_source').on('fund_entries').columns(['org_id', 'source_kind', 'source_id']).execute();
  // One reversal per entry, even when two people press 冲销 at once.
  await db.schema.createIndex('fund_entries_reverses').unique().on('fund_entries').column('reverses_id').where(sql.ref('reverses_id'), 'is not', null).execute();
}
