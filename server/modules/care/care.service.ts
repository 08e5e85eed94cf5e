import type { SessionUser } from '../../../common/auth';
import type { Database } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { batchActions } from './care.batches';
import { recordActions } from './care.records';
import { careReminders } from './care.reminders';
import { careRepo } from './care.repo';
import type { MyCareRecord } from '../../../common/hardship';

// 慰问: single records (care.records.ts), 节日 batches with their 签收单 (care.batches.ts), the
// 工作台 reminders (care.reminders.ts). Caps: care.caps.ts; money posts to the ledger (funds.ledger.ts).
export function createCareService(database: Database, orgs: OrgsService) {
  const records = recordActions(database, orgs);
  const batches = batchActions(database, orgs);
  const thisYear = async (orgId: string) => Number((await orgs.today(orgId)).slice(0, 4));
  return {
    ...records,
    preview: batches.preview,
    createBatch: batches.create,
    batch: batches.get,
    receipt: batches.receipt,
    batches: async (user: SessionUser, year?: number) => batches.list(user, year ?? (await thisYear(user.org.id))),
    reminders: (user: SessionUser) => careReminders(database.db, orgs, user),
    /** 我的慰问: the signed-in member's own records, without notes or who entered them. */
    mine: async (user: SessionUser): Promise<{ items: MyCareRecord[] }> =>
      user.memberId ? { items: (await careRepo.mine(database.db, user.org.id, user.memberId)).map((r) => Object.assign(r, { amount: Number(r.amount) })) } : { items: [] },
  };
}
export type CareService = ReturnType<typeof createCareService>;
