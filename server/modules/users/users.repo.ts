import type { Db } from '../../db/database';
import type { UsersTable } from '../../db/tables';

function withMember(db: Db, orgId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('members as m', 'm.id', 'u.member_id')
    .where('u.org_id', '=', orgId)
    .select([
      'u.id',
      'u.username',
      'u.roles',
      'u.member_id',
      'u.must_change_password',
      'u.disabled',
      'u.last_login_at',
      'u.created_at',
      'm.name as member_name',
    ]);
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof withMember>['executeTakeFirstOrThrow']>>;

export const usersRepo = {
  async list(db: Db, orgId: string, f: { q?: string; role?: string; page: number; pageSize: number }) {
    let q = withMember(db, orgId);
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('u.username', 'like', like), eb('m.name', 'like', like)]));
    }
    // Roles are a small JSON array; matching the quoted name is exact because role names never nest.
    if (f.role) q = q.where('u.roles', 'like', `%"${f.role}"%`);
    const { total } = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q.orderBy('u.username').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
    return { rows, total: Number(total) };
  },
  find: (db: Db, orgId: string, id: string) => withMember(db, orgId).where('u.id', '=', id).executeTakeFirst(),
  usernameTaken: async (db: Db, username: string) =>
    !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()),
  takenUsernames: async (db: Db, names: string[]) =>
    names.length === 0 ? new Set<string>() : new Set((await db.selectFrom('users').select('username').where('username', 'in', names).execute()).map((r) => r.username)),
  memberHasAccount: async (db: Db, orgId: string, memberId: string) =>
    !!(await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('member_id', '=', memberId).executeTakeFirst()),
  membersWithAccounts: async (db: Db, orgId: string) =>
    new Set((await db.selectFrom('users').select('member_id').where('org_id', '=', orgId).where('member_id', 'is not', null).execute()).map((r) => r.member_id!)),
  insert: (db: Db, row: UsersTable) => db.insertInto('users').values(row).execute(),
  update: (db: Db, orgId: string, id: string, patch: Partial<UsersTable>) =>
    db.updateTable('users').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
};
