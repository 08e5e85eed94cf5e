import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// 困难帮扶: files (one per member, reopened rather than duplicated), applications and their review,
// payments (each posted to the fund ledger), 送温暖 campaigns, the trail of events, and the caps per level.
// Money is integer 分 in bigint columns.
export async function m0011_hardship(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('hardship_caps')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('per_application', 'bigint', (c) => c.notNull())
    .addColumn('per_year', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hardship_caps_pk', ['org_id', 'level'])
    .execute();

  await db.schema
    .createTable('hardship_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    // JSON array of HARDSHIP_REASONS
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('household_size', 'integer', (c) => c.notNull())
    .addColumn('income_per_head', 'bigint', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One file per member and school: a family out of hardship that falls back in reopens its file.
  await db.schema.createIndex('hardship_files_member').unique().on('hardship_files').columns(['org_id', 'member_id']).execute();
  await db.schema.createIndex('hardship_files_review').on('hardship_files').columns(['org_id', 'status', 'review_on']).execute();

  await db.schema
    .createTable('hardship_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('hardship_files.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    // Calendar year of `date`: the yearly cap counts by it.
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_payments_member_year').on('hardship_payments').columns(['org_id', 'member_id', 'year']).execute();

  await db.schema
    .createTable('hardship_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text')
    .addColumn('applied_by_name', 'text')
    .addColumn('on_behalf', 'integer', (c) => c.notNull())
    .addColumn('recommended_amount', 'bigint')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('approved_amount', 'bigint')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('hardship_payments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_applications_member').on('hardship_applications').columns(['org_id', 'member_id']).execute();
  await db.schema.createIndex('hardship_applications_state').on('hardship_applications').columns(['org_id', 'state']).execute();

  await db.schema
    .createTable('hardship_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // JSON array of HARDSHIP_FILE_LEVELS
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_campaigns_org_year').on('hardship_campaigns').columns(['org_id', 'year', 'date']).execute();

  await db.schema
    .createTable('hardship_campaign_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('hardship_campaigns.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('hardship_files.id'))
    .addColumn('visited_on', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('hardship_payments.id'))
    .execute();
  await db.schema.createIndex('hardship_campaign_items_campaign').unique().on('hardship_campaign_items').columns(['org_id', 'campaign_id', 'member_id']).execute();

  await db.schema
    .createTable('hardship_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('application_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    // JSON: what changed (amounts, reasons, the fields edited)
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_events_member').on('hardship_events').columns(['org_id', 'member_id', 'at']).execute();
}
