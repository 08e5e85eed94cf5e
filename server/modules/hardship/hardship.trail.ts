import type { SessionUser } from '../../../common/auth';
import type { Db } from '../../db/database';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { hardshipRepo } from './hardship.repo';

// Every change leaves two rows in its own transaction:
// - a hardship event (the file's trail: amounts, reasons, decisions), read only by hardship.manage;
// - an audit row for the school's audit log, which carries ids, the state and the NAMES of the fields
//   changed — never the household's situation, income, reasons, level or notes, nor the member's name
//   (docs/privacy.md "困难帮扶"): the audit log is read by more people than the file.

export interface TrailEntry {
  memberId: string;
  applicationId?: string;
  /** e.g. file_create, apply, recommend, approve, pay */
  kind: string;
  /** The event's detail, for the trail. */
  data: Record<string, unknown>;
  audit: { action: string; entity: 'hardship_file' | 'hardship_application' | 'hardship_campaign'; entityId: string; after: { fields?: string[]; state?: string; [id: string]: unknown } };
}

export async function trail(trx: Db, user: SessionUser, e: TrailEntry): Promise<void> {
  await hardshipRepo.insertEvent(trx, {
    id: newId(), org_id: user.org.id, member_id: e.memberId, application_id: e.applicationId ?? null, kind: e.kind, at: nowIso(),
    actor_id: user.id, actor_name: user.displayName, data: JSON.stringify(e.data),
  });
  await auditRepo.record(trx, actorOf(user), { action: e.audit.action, entity: e.audit.entity, entityId: e.audit.entityId, label: null, after: { memberId: e.memberId, ...e.audit.after } });
}
