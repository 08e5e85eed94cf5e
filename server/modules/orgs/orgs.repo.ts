import type { Db } from '../../db/database';
import type { OrgsTable } from '../../db/tables';

export const orgsRepo = {
  count: async (db: Db) => Number((await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  find: (db: Db, id: string) => db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst(),
  insert: (db: Db, row: OrgsTable) => db.insertInto('orgs').values(row).execute(),
  update: (db: Db, id: string, patch: Partial<Pick<OrgsTable, 'name' | 'settings' | 'updated_at'>>) =>
    db.updateTable('orgs').set(patch).where('id', '=', id).execute(),
  children: (db: Db, parentId: string) => db.selectFrom('orgs').selectAll().where('parent_id', '=', parentId).orderBy('name').execute(),
};
