import type { Db } from '../../server/db/database';
import { DATASET_END } from './dates';

/** Deletes the audit rows a path's bench writes left for `entity` (all dated after the dataset). */
export async function forgetAudit(db: Db, orgId: string, entity: string): Promise<void> {
  await db.deleteFrom('audit_log').where('org_id', '=', orgId).where('entity', '=', entity).where('at', '>=', DATASET_END).execute();
}
