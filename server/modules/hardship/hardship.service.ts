import type { SessionUser } from '../../../common/auth';
import { HARDSHIP_FILE_LEVELS, type HardshipCaps, type HardshipFileLevel, type HardshipReminders } from '../../../common/hardship';
import type { Database } from '../../db/database';
import { NotFound } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import type { OrgsService } from '../orgs/orgs.service';
import { applicationActions } from './hardship.applications';
import { campaignActions } from './hardship.campaigns';
import { capsOf } from './hardship.caps';
import { fileActions } from './hardship.files';
import { hardshipRepo } from './hardship.repo';

// 困难帮扶: files (hardship.files.ts), applications and payments (hardship.applications.ts), 送温暖
// campaigns (hardship.campaigns.ts); caps and the payment that posts to the ledger (hardship.caps.ts);
// every change leaves an event and a detail-free audit row (hardship.trail.ts).

/** The 工作台 names the files whose yearly review falls within this many days. */
const REVIEW_NOTICE_DAYS = 30;
const DAY = 86_400_000;

export function createHardshipService(database: Database, orgs: OrgsService) {
  const { db } = database;
  const files = fileActions(database, orgs);
  const applications = applicationActions(database, orgs);
  const campaigns = campaignActions(database);

  return {
    files,
    applications,
    campaigns,
    /** For the routes' `visible` hook: another school's (or no) id answers 404 before the body is read. */
    visible: (table: 'hardship_files' | 'hardship_applications' | 'hardship_campaigns') => async (user: SessionUser, params: Record<string, string>) => {
      if (!(await hardshipRepo.exists(db, user.org.id, table, params.id))) throw NotFound();
    },
    thisYear: async (user: SessionUser) => Number((await orgs.today(user.org.id)).slice(0, 4)),

    caps: (user: SessionUser) => capsOf(db, user.org.id),

    async setCaps(user: SessionUser, caps: HardshipCaps): Promise<HardshipCaps> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await capsOf(trx, orgId);
        const at = nowIso();
        for (const level of HARDSHIP_FILE_LEVELS) await hardshipRepo.putCap(trx, orgId, level, caps[level].perApplication, caps[level].perYear, user.id, at);
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'hardship_caps', entityId: orgId, before, after: caps });
      });
      return capsOf(db, orgId);
    },

    /** The 工作台 card: yearly reviews due within 30 days (or overdue) and the applications waiting. */
    async reminders(user: SessionUser): Promise<HardshipReminders> {
      const orgId = user.org.id;
      const now = await orgs.today(orgId);
      const until = new Date(Date.parse(`${now}T00:00:00Z`) + REVIEW_NOTICE_DAYS * DAY).toISOString().slice(0, 10);
      const [due, counts] = await Promise.all([hardshipRepo.reviewsDue(db, orgId, until), hardshipRepo.stateCounts(db, orgId)]);
      const n = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
      return {
        today: now,
        reviews: due.map((f) => ({ fileId: f.id, name: f.member_name, level: f.level as HardshipFileLevel, reviewOn: f.review_on, overdue: f.review_on < now })),
        toReview: n('submitted'),
        toApprove: n('recommended'),
        toPay: n('approved'),
      };
    },
  };
}
export type HardshipService = ReturnType<typeof createHardshipService>;
