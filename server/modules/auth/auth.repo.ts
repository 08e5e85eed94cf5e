import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { SessionsTable, UsersTable } from '../../db/tables';
import { newId } from '../../lib/ids';

const findSession = compiledQuery((db, p: { id: string; now: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('members as m', 'm.id', 'u.member_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      'u.id',
      'u.username',
      'u.roles',
      'u.must_change_password',
      'u.disabled',
      'u.member_id',
      'm.name as member_name',
      'o.id as org_id',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.settings as org_settings',
    ])
    .where('s.id', '=', p.id)
    .where('s.expires_at', '>', p.now),
);

export const authRepo = {
  findUserByUsername: (db: Db, username: string) =>
    db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),

  /** The session with everything a request needs about its user, in one query (compiled once: every cache miss runs it). */
  findSession: async (db: Db, id: string, now: string) => (await findSession(db, { id, now }))[0],

  insertSession: (db: Db, row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
  deleteSession: (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
  deleteUserSessions: (db: Db, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute(),
  deleteExpiredSessions: (db: Db, now: string) => db.deleteFrom('sessions').where('expires_at', '<=', now).execute(),

  recentFailures: (db: Db, username: string, since: string) =>
    db.selectFrom('login_failures').select('at').where('username', '=', username).where('at', '>', since).orderBy('at', 'desc').execute(),
  addFailure: (db: Db, username: string, at: string) => db.insertInto('login_failures').values({ id: newId(), username, at }).execute(),
  clearFailures: (db: Db, username: string) => db.deleteFrom('login_failures').where('username', '=', username).execute(),

  setPassword: (db: Db, userId: string, passwordHash: string, mustChange: boolean, now: string) =>
    db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, updated_at: now })
      .where('id', '=', userId)
      .execute(),
  touchLogin: (db: Db, userId: string, now: string) => db.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute(),
  findUser: (db: Db, id: string): Promise<UsersTable | undefined> => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
};
