import type { Db } from '../../db/database';
import type { MemberGroupsTable } from '../../db/tables';

export const groupsRepo = {
  list: (db: Db, orgId: string) =>
    db
      .selectFrom('member_groups as g')
      .leftJoin('members as l', (j) => j.onRef('l.id', '=', 'g.leader_member_id').on('l.deleted_at', 'is', null))
      .select((eb) => [
        'g.id',
        'g.name',
        'g.leader_member_id',
        'g.note',
        'l.name as leader_name',
        eb
          .selectFrom('members as m')
          .whereRef('m.group_id', '=', 'g.id')
          .where('m.org_id', '=', orgId)
          .where('m.deleted_at', 'is', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('member_count'),
      ])
      .where('g.org_id', '=', orgId)
      .orderBy('g.name')
      .execute(),
  find: (db: Db, orgId: string, id: string) =>
    db.selectFrom('member_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  findByName: (db: Db, orgId: string, name: string) =>
    db.selectFrom('member_groups').selectAll().where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst(),
  namesToIds: async (db: Db, orgId: string) =>
    new Map((await db.selectFrom('member_groups').select(['id', 'name']).where('org_id', '=', orgId).execute()).map((g) => [g.name, g.id])),
  insert: (db: Db, row: MemberGroupsTable) => db.insertInto('member_groups').values(row).execute(),
  update: (db: Db, orgId: string, id: string, patch: Partial<MemberGroupsTable>) =>
    db.updateTable('member_groups').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  remove: (db: Db, orgId: string, id: string) => db.deleteFrom('member_groups').where('org_id', '=', orgId).where('id', '=', id).execute(),
};
