import { randomInt } from 'node:crypto';
import { compact, type Database } from '../../db/database';
import { localDate } from '../../lib/time';
import { auditRepo } from '../audit/audit.repo';
import { notify } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { ANONYMOUS_TABLES, suggestionsRepo } from './suggestions.repo';
import { addresseesOf, linkOf } from './suggestions.view';

// The nightly job. An anonymous writer's news is not audited and not announced when it happens: an
// audit row, a notification or their places in those tables would say when, to the minute. Once the
// school's day is over, this writes them for the whole day at once, in random order, with no actor,
// and (on PostgreSQL) rewrites the school's anonymous rows so none keeps the transaction it came in.

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Releases every school's news from days that have ended by `now`; answers how many items. */
export async function releaseNotices(database: Database, orgs: OrgsService, now = new Date()): Promise<number> {
  const { db, dialect } = database;
  const pending = await suggestionsRepo.pendingNotices(db);
  let released = 0;
  for (const orgId of new Set(pending.map((p) => p.org_id))) {
    const today = localDate((await orgs.get(orgId)).settings.timezone, now);
    const due = shuffle(pending.filter((p) => p.org_id === orgId && p.notice_on! < today));
    if (due.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (const p of due) {
        const isNew = p.notice_kind === 'new';
        await auditRepo.record(trx, { orgId, userId: null, name: null }, { action: isNew ? 'submit' : 'writer_message', entity: 'suggestion', entityId: p.id, label: p.title, after: { anonymous: true, on: p.notice_on } });
        await notify(trx, orgId, await addresseesOf(trx, orgId, p), {
          kind: isNew ? 'suggestion.new' : 'suggestion.message',
          title: isNew ? '意见箱有新的匿名来信' : '匿名来信人有新留言',
          body: `《${p.title}》（${p.notice_on}）`,
          link: linkOf(p.id),
        });
        await suggestionsRepo.clearNotice(trx, orgId, p.id);
      }
      if (dialect === 'postgres') await suggestionsRepo.rewriteAnonymous(trx, orgId);
    });
    released += due.length;
  }
  if (released > 0) await compact(database, ANONYMOUS_TABLES);
  return released;
}

/** Runs the job an hour apart (first a minute after start), unrelated to when anyone wrote. */
export function scheduleNotices(run: () => Promise<unknown>, onError: (e: unknown) => void): () => Promise<void> {
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    current = current.then(run).catch(onError);
  };
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, 3_600_000);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await current;
  };
}
