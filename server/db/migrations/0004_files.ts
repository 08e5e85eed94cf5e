import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// Attachments of any owner (a 教代会 session, a proposal, later 校务公开 and 意见箱 entries), kept in the
// database itself so that one backup of the database is a backup of everything.
export async function m0004_files(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    // NULL for anonymous writers (意见箱): their files must not point back at them.
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_owner').on('files').columns(['org_id', 'owner_kind', 'owner_id']).execute();
}
