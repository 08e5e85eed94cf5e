import type { Notification, NotificationListQuery, NotificationPage } from '../../../common/notifications';
import type { Role } from '../../../common/permissions';
import type { SessionUser } from '../../../common/auth';
import type { Db } from '../../db/database';
import type { NotificationsTable } from '../../db/tables';
import { NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { notificationsRepo } from './notifications.repo';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  /** A web path, e.g. `/proposals/ID`. */
  link: string | null;
}

/**
 * Sends one notification to each of `userIds` (duplicates dropped), inside the caller's transaction so
 * that a state change and its notice commit or roll back together.
 */
export async function notify(trx: Db, orgId: string, userIds: readonly (string | null | undefined)[], n: NotificationInput): Promise<void> {
  const at = nowIso();
  const to = [...new Set(userIds.filter((u): u is string => !!u))];
  await notificationsRepo.insertMany(trx, to.map((userId) => ({ id: newId(), org_id: orgId, user_id: userId, ...n, read_at: null, created_at: at })));
}

/** Who to notify: the accounts of some members, or everyone holding a role. */
export const recipients = {
  ofMembers: (db: Db, orgId: string, memberIds: string[]) => notificationsRepo.userIdsOfMembers(db, orgId, memberIds),
  withRoles: (db: Db, orgId: string, roles: Role[]) => notificationsRepo.userIdsWithRoles(db, orgId, roles),
};

const toNotification = (r: NotificationsTable): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.read_at,
  createdAt: r.created_at,
});

// Marking read is the reader's own inbox state, not union business: no audit row, unlike every other write.
export function createNotificationsService(db: Db) {
  return {
    unread: async (user: SessionUser) => ({ unread: await notificationsRepo.unread(db, user.org.id, user.id) }),

    async list(user: SessionUser, q: NotificationListQuery): Promise<NotificationPage> {
      const { rows, total, unread } = await notificationsRepo.list(db, user.org.id, user.id, q);
      return { items: rows.map(toNotification), total, unread };
    },
    async markRead(user: SessionUser, id: string): Promise<void> {
      if ((await notificationsRepo.markRead(db, user.org.id, user.id, id, nowIso())) === 0) throw NotFound();
    },
    markAllRead: async (user: SessionUser) => ({ updated: await notificationsRepo.markAllRead(db, user.org.id, user.id, nowIso()) }),
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
