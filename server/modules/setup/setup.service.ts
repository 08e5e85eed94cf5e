import { timingSafeEqual } from 'node:crypto';
import type { Org, OrgKind } from '../../../common/orgs';
import type { Db } from '../../db/database';
import { AppError, Forbidden } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { auditRepo, type Actor } from '../audit/audit.repo';
import type { AuthService, IssuedSession } from '../auth/auth.service';
import type { OrgsService } from '../orgs/orgs.service';
import { insertUser } from '../users/users.service';

interface NewOrg {
  name: string;
  kind: OrgKind;
  admin: { username: string; password: string };
}

/** First start: create the first organisation and its administrator, from settings or a one-time link. */
export function createSetupService(db: Db, orgs: OrgsService, auth: AuthService) {
  let token: string | null = null;

  async function createOrgWithAdmin(trx: Db, parent: Actor | null, input: NewOrg, mustChangePassword: boolean) {
    const org = await orgs.create(trx, { name: input.name, kind: input.kind, parentId: parent?.orgId ?? null });
    const actor: Actor = { orgId: org.id, userId: parent?.userId ?? null, name: parent?.name ?? '系统初始化' };
    const userId = await insertUser(trx, actor, { ...input.admin, roles: ['admin'], mustChangePassword });
    await auditRepo.record(trx, actor, { action: 'create', entity: 'org', entityId: org.id, label: org.name, after: org });
    if (parent) await auditRepo.record(trx, parent, { action: 'create_child', entity: 'org', entityId: org.id, label: org.name, after: { name: org.name, kind: org.kind } });
    return { org, userId };
  }

  return {
    needed: () => orgs.isEmpty(),

    /** Non-interactive setup from TONGXIN_ORG_NAME + TONGXIN_ADMIN_PASSWORD; false if already set up. */
    async fromSettings(name: string, username: string, password: string): Promise<boolean> {
      if (!(await orgs.isEmpty())) return false;
      await db.transaction().execute((trx) => createOrgWithAdmin(trx, null, { name, kind: 'school', admin: { username, password } }, false));
      return true;
    },

    /** A fresh one-time token for the /setup link; kept in memory only, so a restart invalidates it. */
    issueToken(): string {
      token = randomToken(24);
      return token;
    },

    async complete(given: string, input: { orgName: string; username: string; password: string }): Promise<IssuedSession> {
      const ok = token !== null && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
      if (!ok) throw new AppError(403, 'setup_token', 'err.setup_token');
      if (!(await orgs.isEmpty())) throw new AppError(409, 'setup_done', 'err.setup_done');
      token = null;
      return db.transaction().execute(async (trx) => {
        const { org, userId } = await createOrgWithAdmin(trx, null, { name: input.orgName, kind: 'school', admin: input }, false);
        return auth.issue(trx, userId, org.id);
      });
    },

    async createChild(parent: Actor, input: NewOrg): Promise<Org> {
      // Only an upper union (教育工会) has schools under it; a school's admin holds the permission but not the tree.
      if ((await orgs.get(parent.orgId)).kind !== 'union') throw Forbidden();
      return db.transaction().execute(async (trx) => (await createOrgWithAdmin(trx, parent, input, true)).org);
    },
  };
}
export type SetupService = ReturnType<typeof createSetupService>;
