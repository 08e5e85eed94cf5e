import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// Ground floor: organisations, accounts, sessions, union groups, members, audit log.
export async function m0001_init(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Prefix searches run as range scans on plain B-tree indexes; PostgreSQL needs byte order ("C")
  // for that to equal prefix matching, SQLite's default BINARY collation already is.
  const key = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent').on('orgs').columns(['parent_id', 'name']).execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('employee_no', key, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', key, (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('phone', key)
    .addColumn('department', 'text')
    .addColumn('staff_category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('political_status', 'text')
    .addColumn('hire_date', 'text')
    .addColumn('join_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('hardship_level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('members_org_employee_no')
    .unique()
    .on('members')
    .columns(['org_id', 'employee_no'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  for (const col of ['name_pinyin', 'phone', 'group_id', 'status']) {
    await db.schema.createIndex(`members_org_${col}`).on('members').columns(['org_id', col]).execute();
  }

  // The search box's name keys (suffixes of the name, its pinyin and initials; see lib/pinyin.ts):
  // the primary key (org_id, key, member_id) is the one index a prefix lookup needs.
  let keys = db.schema
    .createTable('member_search_keys')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key', key, (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('member_search_keys_pk', ['org_id', 'key', 'member_id']);
  if (dialect === 'sqlite') keys = keys.modifyEnd(sql`without rowid`);
  await keys.execute();
  await db.schema.createIndex('member_search_keys_member').on('member_search_keys').column('member_id').execute();

  await db.schema
    .createTable('member_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_groups_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org').on('users').columns(['org_id', 'username']).execute();
  await db.schema.createIndex('users_org_member').unique().on('users').columns(['org_id', 'member_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_user_at').on('login_failures').columns(['username', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('entity_label', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_org_at').on('audit_log').columns(['org_id', 'at']).execute();
  await db.schema.createIndex('audit_org_entity').on('audit_log').columns(['org_id', 'entity', 'entity_id']).execute();
}
