import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// 校务公开: per-school categories, numbered bulletin issues (第N期), items with their review history,
// read receipts, and staff questions with the committee's answers.
export async function m0008_disclosures(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('disclosure_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    // The default's code (DOMAIN.md list) or null for one the school added.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_categories_name').unique().on('disclosure_categories').columns(['org_id', 'name']).execute();

  // Numbered afresh each 学年 (2025学年第1期…), unique per school and year.
  await db.schema
    .createTable('disclosure_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_issues_number').unique().on('disclosure_issues').columns(['org_id', 'school_year', 'number']).execute();
  // The last number given out per school and 学年, taken with one atomic upsert: concurrent requests
  // queue on this row instead of racing for max(number) + 1.
  await db.schema
    .createTable('disclosure_issue_counters')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_issue_counters_pk', ['org_id', 'school_year'])
    .execute();

  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text', (c) => c.references('disclosure_issues.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('disclosure_categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Sanitized HTML (server/lib/sanitize.ts), never the raw editor output.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('visible_from', 'text', (c) => c.notNull())
    .addColumn('visible_to', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('returned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosures_org_state').on('disclosures').columns(['org_id', 'state', 'published_at']).execute();
  await db.schema.createIndex('disclosures_org_issue').on('disclosures').columns(['org_id', 'issue_id']).execute();
  await db.schema.createIndex('disclosures_org_category').on('disclosures').columns(['org_id', 'category_id']).execute();

  // Each step of the review, with the 监督小组's comment when it returns an item: the history stays.
  await db.schema
    .createTable('disclosure_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_events_item').on('disclosure_events').columns(['org_id', 'disclosure_id', 'at']).execute();

  // Read receipts: who read an item, first time only.
  await db.schema
    .createTable('disclosure_reads')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text')
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_reads_pk', ['disclosure_id', 'user_id'])
    .execute();
  await db.schema.createIndex('disclosure_reads_user').on('disclosure_reads').columns(['org_id', 'user_id']).execute();

  await db.schema
    .createTable('disclosure_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id'))
    .addColumn('asker_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('asker_name', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answer_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('disclosure_questions_item').on('disclosure_questions').columns(['org_id', 'disclosure_id', 'asked_at']).execute();
}
