import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// The care records list, newest first: a page walks this index in order and stops at its size.
export async function m0015_care_list_index(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('care_records_org_list').on('care_records').columns(['org_id', 'date desc', 'created_at desc', 'id']).execute();
}
