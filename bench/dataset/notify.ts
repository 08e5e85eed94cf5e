import type { GenContext } from './context';
import { stamp } from './dates';

export interface Notice {
  kind: string;
  title: string;
  /** Defaults to the title. */
  body?: string;
  link: string;
}

/**
 * The notifications a workflow step sends (server/modules/notifications: one row per account), sent
 * `at`; each read two days later with probability `read` (past work has mostly been read).
 */
export function notify(g: GenContext, orgId: string, userIds: readonly string[], n: Notice, at: string, read = 0.85): Promise<void> {
  const readAt = stamp(at.slice(0, 10), 2);
  return g.insert(
    'notifications',
    [...new Set(userIds)].map((user_id) => ({ id: g.id(), org_id: orgId, user_id, kind: n.kind, title: n.title, body: n.body ?? n.title, link: n.link, read_at: g.rng.chance(read) ? readAt : null, created_at: at })),
  );
}
