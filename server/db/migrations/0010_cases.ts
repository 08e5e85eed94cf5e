import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// 权益诉求: the cases and their timeline. A case from an anonymous source has no member; it keeps the
// source's id (a suggestion's random key) and nothing of its writer (docs/privacy.md).
export async function m0010_cases(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text')
    .addColumn('source_id', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('handler_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('deadline', 'text')
    .addColumn('forwarded_on', 'text')
    .addColumn('response', 'text')
    .addColumn('responded_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('explanation', 'text')
    .addColumn('explained_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_org_state').on('cases').columns(['org_id', 'state', 'deadline']).execute();
  await db.schema.createIndex('cases_org_member').on('cases').columns(['org_id', 'member_id']).execute();
  await db.schema.createIndex('cases_org_handler').on('cases').columns(['org_id', 'handler_user_id']).execute();
  await db.schema.createIndex('cases_org_raised').on('cases').columns(['org_id', 'raised_on']).execute();
  // One case per source: a suggestion is turned into a case once.
  await db.schema.createIndex('cases_org_source').on('cases').columns(['org_id', 'source_kind', 'source_id']).unique().execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('body', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_org_case').on('case_events').columns(['org_id', 'case_id', 'at']).execute();
}
