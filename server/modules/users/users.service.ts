import { ROLE_LABELS, type Role } from '../../../common/permissions';
import type { UserAccount } from '../../../common/users';
import type { Db } from '../../db/database';
import type { UsersTable } from '../../db/tables';
import { AppError, Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { generatePassword, hashPassword } from '../../lib/passwords';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { authRepo } from '../auth/auth.repo';
import { normalizeUsername } from '../auth/auth.service';
import { membersRepo } from '../members/members.repo';
import { usersRepo, type UserRow } from './users.repo';

const toAccount = (r: UserRow): UserAccount => ({
  id: r.id,
  username: r.username,
  roles: JSON.parse(r.roles) as Role[],
  memberId: r.member_id,
  memberName: r.member_name,
  mustChangePassword: r.must_change_password === 1,
  disabled: r.disabled === 1,
  lastLoginAt: r.last_login_at,
  createdAt: r.created_at,
});

/** An account as the audit log shows it: what an administrator set, never the password hash. */
const auditView = (r: Pick<UsersTable, 'username' | 'roles' | 'member_id' | 'must_change_password' | 'disabled'>) => ({
  username: r.username,
  roles: JSON.parse(r.roles) as Role[],
  memberId: r.member_id,
  mustChangePassword: r.must_change_password === 1,
  disabled: r.disabled === 1,
});

export interface NewAccount {
  username: string;
  password: string;
  memberId?: string | null;
  roles: Role[];
  mustChangePassword: boolean;
}
export interface IssuedAccount {
  name: string;
  employeeNo: string;
  username: string;
  password: string | null;
}

/** Inserts an account inside the caller's transaction; setup and the bulk path use it too. */
export async function insertUser(trx: Db, actor: Actor, a: NewAccount, passwordHash?: string): Promise<string> {
  const username = normalizeUsername(a.username);
  if (await usersRepo.usernameTaken(trx, username)) throw Conflict('username_taken', 'err.username_taken', { username: 'err.username_taken' });
  if (a.memberId) {
    if ((await membersRepo.existingIds(trx, actor.orgId, [a.memberId])).length === 0) throw Invalid('memberId', 'err.member_not_found');
    if (await usersRepo.memberHasAccount(trx, actor.orgId, a.memberId)) throw Conflict('member_has_account', 'err.member_has_account', { memberId: 'err.member_has_account' });
  }
  const now = nowIso();
  const row: UsersTable = {
    id: newId(),
    org_id: actor.orgId,
    username,
    password_hash: passwordHash ?? (await hashPassword(a.password)),
    member_id: a.memberId ?? null,
    roles: JSON.stringify([...new Set(a.roles)]),
    must_change_password: a.mustChangePassword ? 1 : 0,
    disabled: 0,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
  await usersRepo.insert(trx, row);
  await auditRepo.record(trx, actor, { action: 'create', entity: 'user', entityId: row.id, label: username, after: auditView(row) });
  return row.id;
}

/** `onAccountsChanged` runs after a change that ends or alters sessions (roles, member, disabled, password). */
export function createUsersService(db: Db, onAccountsChanged: () => void = () => {}) {
  async function get(orgId: string, id: string): Promise<UserAccount> {
    const row = await usersRepo.find(db, orgId, id);
    if (!row) throw NotFound();
    return toAccount(row);
  }

  return {
    get,
    async list(orgId: string, f: { q?: string; role?: string; page: number; pageSize: number }) {
      const { rows, total } = await usersRepo.list(db, orgId, f);
      return { items: rows.map(toAccount), total };
    },

    async create(actor: Actor, a: NewAccount): Promise<UserAccount> {
      const passwordHash = await hashPassword(a.password);
      const id = await db.transaction().execute((trx) => insertUser(trx, actor, a, passwordHash));
      return get(actor.orgId, id);
    },

    async update(actor: Actor, id: string, patch: { roles?: Role[]; disabled?: boolean; memberId?: string | null }): Promise<UserAccount> {
      await db.transaction().execute(async (trx) => {
        const before = await usersRepo.find(trx, actor.orgId, id);
        if (!before) throw NotFound();
        const selfLockout = id === actor.userId && (patch.disabled === true || (patch.roles && !patch.roles.includes('admin') && before.roles.includes('"admin"')));
        if (selfLockout) throw new AppError(409, 'self_lockout', 'err.cannot_remove_own_admin');
        if (patch.memberId && patch.memberId !== before.member_id) {
          if ((await membersRepo.existingIds(trx, actor.orgId, [patch.memberId])).length === 0) throw Invalid('memberId', 'err.member_not_found');
          if (await usersRepo.memberHasAccount(trx, actor.orgId, patch.memberId)) throw Conflict('member_has_account', 'err.member_has_account', { memberId: 'err.member_has_account' });
        }
        const set: Partial<UsersTable> = { updated_at: nowIso() };
        if (patch.roles) set.roles = JSON.stringify([...new Set(patch.roles)]);
        if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
        if (patch.memberId !== undefined) set.member_id = patch.memberId;
        await usersRepo.update(trx, actor.orgId, id, set);
        if (patch.disabled || patch.roles) await authRepo.deleteUserSessions(trx, id);
        await auditRepo.record(trx, actor, { action: 'update', entity: 'user', entityId: id, label: before.username, before: auditView(before), after: auditView({ ...before, ...set }) });
      });
      onAccountsChanged();
      return get(actor.orgId, id);
    },

    async resetPassword(actor: Actor, id: string, password: string): Promise<UserAccount> {
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const user = await usersRepo.find(trx, actor.orgId, id);
        if (!user) throw NotFound();
        await authRepo.setPassword(trx, id, passwordHash, true, nowIso());
        await authRepo.deleteUserSessions(trx, id);
        await auditRepo.record(trx, actor, { action: 'reset_password', entity: 'user', entityId: id, label: user.username });
      });
      onAccountsChanged();
      return get(actor.orgId, id);
    },

    /**
     * Accounts for many members at once, each with a generated initial password that must be changed
     * at first sign-in. The username is the 工号 (lower-cased), made unique if another school has it.
     */
    async bulkCreate(actor: Actor, memberIds: string[], roles: Role[]): Promise<IssuedAccount[]> {
      const members = (await Promise.all(memberIds.map((id) => membersRepo.find(db, actor.orgId, id)))).filter((m) => !!m);
      if (members.length === 0) throw Invalid('memberIds', 'err.member_not_found');
      const hasAccount = await usersRepo.membersWithAccounts(db, actor.orgId);
      const todo = members.filter((m) => !hasAccount.has(m.id));
      const wanted = todo.map((m) => normalizeUsername(m.employee_no.length >= 3 ? m.employee_no : `u${m.employee_no.padStart(2, '0')}`));
      const taken = await usersRepo.takenUsernames(db, wanted);
      const prepared: (NewAccount & { name: string; employeeNo: string; hash: string })[] = [];
      for (let i = 0; i < todo.length; i += 8) {
        const chunk = todo.slice(i, i + 8);
        prepared.push(
          ...(await Promise.all(
            chunk.map(async (m, j) => {
              let username = wanted[i + j];
              if (taken.has(username)) username = `${username}-${generatePassword(4).toLowerCase()}`;
              const password = generatePassword();
              return { username, password, memberId: m.id, roles, mustChangePassword: true, name: m.name, employeeNo: m.employee_no, hash: await hashPassword(password) };
            }),
          )),
        );
      }
      await db.transaction().execute(async (trx) => {
        for (const p of prepared) await insertUser(trx, actor, p, p.hash);
      });
      const issued: IssuedAccount[] = prepared.map((p) => ({ name: p.name, employeeNo: p.employeeNo, username: p.username, password: p.password }));
      const skipped = members.filter((m) => hasAccount.has(m.id)).map((m) => ({ name: m.name, employeeNo: m.employee_no, username: '', password: null }));
      return [...issued, ...skipped];
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;

export const rolesText = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r].zh).join('、');
