import type { LoginResult, SessionUser } from '../../../common/auth';
import { DEFAULT_SETTINGS } from '../../../common/orgs';
import { permissionsOf, type Role } from '../../../common/permissions';
import type { Db } from '../../db/database';
import { TtlCache } from '../../lib/cache';
import { AppError } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/ids';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords';
import { addHours, addMinutes, nowIso } from '../../lib/time';
import { auditRepo } from '../audit/audit.repo';
import { authRepo } from './auth.repo';

/** Issue 2: after 5 failed sign-ins for a username within 15 minutes, refuse with 429 until the window passes. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

export interface Session {
  id: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: string;
}

/**
 * How long this process trusts a session it has read. A sign-out, a password change or an account change
 * made here ends it at once (`forgetSessions`); one made by another server process (PostgreSQL
 * deployments) within this many milliseconds.
 */
export const SESSION_CACHE_MS = 5_000;
/** What a successful sign-in hands to the route: the body and the cookie value to set. */
export interface IssuedSession {
  result: LoginResult;
  token: string;
}

export const normalizeUsername = (u: string) => u.trim().toLowerCase();

/** The school's time zone from its stored settings (a few hundred bytes, parsed with the session). */
function timeZoneOf(settings: string): string {
  try {
    const tz = (JSON.parse(settings) as { timezone?: unknown }).timezone;
    return typeof tz === 'string' ? tz : DEFAULT_SETTINGS.timezone;
  } catch {
    return DEFAULT_SETTINGS.timezone;
  }
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof authRepo.findSession>>>;
function toSessionUser(r: SessionRow): SessionUser {
  const roles = JSON.parse(r.roles) as Role[];
  return {
    id: r.id,
    username: r.username,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: r.must_change_password === 1,
    memberId: r.member_id,
    displayName: r.member_name ?? r.username,
    org: { id: r.org_id, name: r.org_name, kind: r.org_kind as 'school' | 'union', timeZone: timeZoneOf(r.org_settings) },
  };
}

export function createAuthService(db: Db, sessionHours: number) {
  const sessions = new TtlCache<Session>(SESSION_CACHE_MS);

  async function issue(trx: Db, userId: string, orgId: string): Promise<IssuedSession> {
    const token = randomToken();
    const now = nowIso();
    const csrfToken = randomToken(24);
    const id = sha256(token);
    await authRepo.insertSession(trx, { id, user_id: userId, org_id: orgId, csrf_token: csrfToken, created_at: now, expires_at: addHours(now, sessionHours) });
    const row = await authRepo.findSession(trx, id, now);
    return { token, result: { user: toSessionUser(row!), csrfToken } };
  }

  return {
    async sessionFromToken(token: string): Promise<Session | null> {
      if (token.length > 100) return null;
      const id = sha256(token);
      return sessions.get(
        id,
        async () => {
          const row = await authRepo.findSession(db, id, nowIso());
          if (!row || row.disabled === 1) return null;
          return { id: row.session_id, csrfToken: row.csrf_token, user: toSessionUser(row), expiresAt: row.expires_at };
        },
        (s) => Date.parse(s.expiresAt),
      );
    },

    /** After sessions or what they carry (roles, member, organisation) changed: read them afresh. */
    forgetSessions: () => sessions.forget(),

    /** Signs in; the caller's old session (if any) is ended so a new cookie is issued every time. */
    async login(usernameRaw: string, password: string, oldSessionId: string | null): Promise<IssuedSession> {
      const username = normalizeUsername(usernameRaw);
      const now = nowIso();
      const failures = await authRepo.recentFailures(db, username, addMinutes(now, -LOGIN_WINDOW_MINUTES));
      if (failures.length >= LOGIN_MAX_FAILURES) {
        const unlockAt = Date.parse(addMinutes(failures[LOGIN_MAX_FAILURES - 1].at, LOGIN_WINDOW_MINUTES));
        const minutes = Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000));
        throw new AppError(429, 'login_locked', 'err.login_locked', { minutes });
      }
      const user = await authRepo.findUserByUsername(db, username);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok) {
        await authRepo.addFailure(db, username, now);
        throw new AppError(401, 'login_failed', 'err.login_failed');
      }
      if (user.disabled === 1) throw new AppError(403, 'account_disabled', 'err.account_disabled');
      const signedIn = await db.transaction().execute(async (trx) => {
        await authRepo.clearFailures(trx, username);
        if (oldSessionId) await authRepo.deleteSession(trx, oldSessionId);
        await authRepo.deleteExpiredSessions(trx, now);
        await authRepo.touchLogin(trx, user.id, now);
        const issued = await issue(trx, user.id, user.org_id);
        await auditRepo.record(trx, { orgId: user.org_id, userId: user.id, name: issued.result.user.displayName }, { action: 'login', entity: 'session', entityId: user.id, label: user.username });
        return issued;
      });
      if (oldSessionId) sessions.forget(oldSessionId);
      return signedIn;
    },

    async logout(sessionId: string): Promise<void> {
      await authRepo.deleteSession(db, sessionId);
      sessions.forget(sessionId);
    },

    async changePassword(user: SessionUser, current: string, next: string): Promise<IssuedSession> {
      const row = await authRepo.findUser(db, user.id);
      if (!row || !(await verifyPassword(row.password_hash, current))) {
        throw new AppError(422, 'validation', 'err.validation', {}, { currentPassword: 'err.wrong_password' });
      }
      if (current === next) throw new AppError(422, 'validation', 'err.validation', {}, { newPassword: 'err.same_password' });
      const passwordHash = await hashPassword(next);
      const issued = await db.transaction().execute(async (trx) => {
        await authRepo.setPassword(trx, user.id, passwordHash, false, nowIso());
        // Every other device is signed out: a changed password is often a suspected leak.
        await authRepo.deleteUserSessions(trx, user.id);
        await auditRepo.record(trx, { orgId: user.org.id, userId: user.id, name: user.displayName }, { action: 'change_password', entity: 'user', entityId: user.id, label: user.username });
        return issue(trx, user.id, user.org.id);
      });
      sessions.forget();
      return issued;
    },

    /** Used by setup: sign in a user that was just created. */
    issue: (trx: Db, userId: string, orgId: string) => issue(trx, userId, orgId),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
