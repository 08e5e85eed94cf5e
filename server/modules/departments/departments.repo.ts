import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { DepartmentsTable } from '../../db/tables';

// Asked on every letter a handler opens: compiled once (db/compiled.ts).
const handledBy = compiledQuery((db, p: { orgId: string; userId: string }) =>
  db.selectFrom('department_handlers').select('department_id').where('org_id', '=', p.orgId).where('user_id', '=', p.userId),
);

export const departmentsRepo = {
  /** Departments in use (not deleted). */
  list: (db: Db, orgId: string) => db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('deleted_at', 'is', null).orderBy('id').execute(),

  /** A department, deleted or not: old records keep pointing at it. */
  find: (db: Db, orgId: string, id: string) => db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  findActive: (db: Db, orgId: string, id: string) =>
    db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),

  findByName: (db: Db, orgId: string, name: string) =>
    db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst(),

  names: async (db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> =>
    new Map(ids.length === 0 ? [] : (await db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', ids).execute()).map((d) => [d.id, d.name])),

  insert: (db: Db, row: DepartmentsTable) => db.insertInto('departments').values(row).execute(),

  update: (db: Db, orgId: string, id: string, patch: Partial<DepartmentsTable>) =>
    db.updateTable('departments').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Handler accounts of these departments with a display name (the member's, else the username). */
  handlers: (db: Db, orgId: string, departmentIds: string[]) =>
    departmentIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('department_handlers as h')
          .innerJoin('users as u', 'u.id', 'h.user_id')
          .leftJoin('members as m', 'm.id', 'u.member_id')
          .select(['h.department_id', 'h.user_id', 'u.username', 'm.name as member_name'])
          .where('h.org_id', '=', orgId)
          .where('h.department_id', 'in', departmentIds)
          .orderBy('u.username')
          .execute(),

  async replaceHandlers(db: Db, orgId: string, departmentId: string, userIds: string[]): Promise<void> {
    await db.deleteFrom('department_handlers').where('org_id', '=', orgId).where('department_id', '=', departmentId).execute();
    if (userIds.length) await db.insertInto('department_handlers').values(userIds.map((user_id) => ({ org_id: orgId, department_id: departmentId, user_id }))).execute();
  },

  /** Active handler accounts of one department: who receives its mail. */
  handlerIds: async (db: Db, orgId: string, departmentId: string): Promise<string[]> =>
    (
      await db
        .selectFrom('department_handlers as h')
        .innerJoin('users as u', 'u.id', 'h.user_id')
        .select('h.user_id')
        .where('h.org_id', '=', orgId)
        .where('h.department_id', '=', departmentId)
        .where('u.disabled', '=', 0)
        .execute()
    ).map((r) => r.user_id),

  /** Departments (deleted ones too) whose mail this account handles. */
  ofUser: async (db: Db, orgId: string, userId: string): Promise<string[]> => (await handledBy(db, { orgId, userId })).map((r) => r.department_id),

  /** Active accounts of the school, for the handler picker and to check a submitted list. */
  accounts: (db: Db, orgId: string) =>
    db
      .selectFrom('users as u')
      .leftJoin('members as m', 'm.id', 'u.member_id')
      .select(['u.id', 'u.username', 'u.roles', 'm.name as member_name'])
      .where('u.org_id', '=', orgId)
      .where('u.disabled', '=', 0)
      .orderBy('u.username')
      .execute(),
};
