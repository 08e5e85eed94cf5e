import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { NotificationsTable } from '../../db/tables';

const unread = compiledQuery((db, p: { orgId: string; userId: string }) =>
  db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', p.orgId)
    .where('user_id', '=', p.userId)
    .where('read_at', 'is', null),
);

export const notificationsRepo = {
  insertMany: async (db: Db, rows: NotificationsTable[]) => {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('notifications').values(rows.slice(i, i + 500)).execute();
  },

  async list(db: Db, orgId: string, userId: string, f: { unread: boolean; page: number; pageSize: number }) {
    const inbox = db.selectFrom('notifications').where('org_id', '=', orgId).where('user_id', '=', userId);
    const filtered = f.unread ? inbox.where('read_at', 'is', null) : inbox;
    const count = async (q: typeof inbox) => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { rows, total: await count(filtered), unread: await notificationsRepo.unread(db, orgId, userId) };
  },

  /** One indexed count (the partial index of unread rows): what the bell polls, compiled once. */
  unread: async (db: Db, orgId: string, userId: string) => Number((await unread(db, { orgId, userId }))[0].n),

  markRead: async (db: Db, orgId: string, userId: string, id: string, at: string) =>
    Number(
      (
        await db
          .updateTable('notifications')
          .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
          .where('org_id', '=', orgId)
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),

  markAllRead: async (db: Db, orgId: string, userId: string, at: string) =>
    Number(
      (await db.updateTable('notifications').set({ read_at: at }).where('org_id', '=', orgId).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst())
        .numUpdatedRows,
    ),

  /** Active accounts linked to these members. */
  userIdsOfMembers: async (db: Db, orgId: string, memberIds: string[]) =>
    memberIds.length === 0
      ? []
      : (await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('disabled', '=', 0).where('member_id', 'in', memberIds).execute()).map((r) => r.id),

  /** Active accounts holding any of these roles (roles are stored as a JSON array of names). */
  userIdsWithRoles: async (db: Db, orgId: string, roles: string[]) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('disabled', '=', 0)
        .where((eb) => eb.or(roles.map((r) => eb('roles', 'like', `%"${r}"%`))))
        .execute()
    ).map((r) => r.id),
};
