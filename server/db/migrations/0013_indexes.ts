import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// Indexes the benchmarks asked for (docs/performance.md, "Misses"): each lets a hot query walk an index
// in the order it pages, instead of reading and sorting a whole school, or scanning a whole table.
export async function m0013_indexes(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // Member list pages sort by one column then id: with id in the index, a page is a range scan.
  await db.schema.dropIndex('members_org_name_pinyin').execute();
  for (const col of ['name_pinyin', 'join_date', 'birth_date', 'updated_at']) {
    await db.schema.createIndex(`members_org_${col}_id`).on('members').columns(['org_id', col, 'id']).execute();
  }
  // The committee's proposal list, newest change first.
  await db.schema.createIndex('proposals_org_updated').on('proposals').columns(['org_id', 'updated_at', 'id']).execute();
  // Every sign-in clears expired sessions.
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  // The bell's unread count, polled by every signed-in page: only unread rows are in this index.
  await db.schema.createIndex('notifications_unread').on('notifications').columns(['org_id', 'user_id']).where(sql.ref('read_at'), 'is', null).execute();
}
