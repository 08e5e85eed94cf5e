import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// 部门 with their handler accounts, and the 意见箱: suggestions and their threads.
export async function m0007_suggestions(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('departments_org_name').on('departments').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('department_handlers')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('department_handlers_pk', ['department_id', 'user_id'])
    .execute();
  await db.schema.createIndex('department_handlers_user').on('department_handlers').columns(['org_id', 'user_id']).execute();

  // Anonymous rows must not betray their writer or their order: random keys, dates without a time,
  // no writer column filled, and on SQLite no rowid (the table is stored in random-key order).
  // PostgreSQL keeps heap order and transaction ids; the nightly job rewrites these rows (docs/privacy.md).
  const withoutRowid = (t: CreateTableBuilder<string, string>) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);

  await withoutRowid(
    db.schema
      .createTable('suggestions')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.references('departments.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      .addColumn('writer_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('receipt_hash', 'text', (c) => c.unique())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answered_on', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('wall_consent', 'integer')
      .addColumn('wall_question', 'text')
      .addColumn('wall_answer', 'text')
      .addColumn('wall_on', 'text')
      .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
      // An anonymous writer's news (a new suggestion, a message) waiting for the nightly notice.
      .addColumn('notice_kind', 'text')
      .addColumn('notice_on', 'text'),
  ).execute();
  await db.schema.createIndex('suggestions_org_addressee').on('suggestions').columns(['org_id', 'addressee', 'status']).execute();
  await db.schema.createIndex('suggestions_org_department').on('suggestions').columns(['org_id', 'department_id']).execute();
  await db.schema.createIndex('suggestions_org_writer').on('suggestions').columns(['org_id', 'writer_user_id']).execute();
  await db.schema.createIndex('suggestions_org_received').on('suggestions').columns(['org_id', 'received_on']).execute();
  await db.schema.createIndex('suggestions_org_wall').on('suggestions').columns(['org_id', 'wall_on']).execute();

  // The thread: handlers' replies (with their account and time) and the writer's messages (date only).
  await withoutRowid(
    db.schema
      .createTable('suggestion_messages')
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('author_name', 'text')
      .addColumn('created_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text')
      .addPrimaryKeyConstraint('suggestion_messages_pk', ['suggestion_id', 'id']),
  ).execute();
}
