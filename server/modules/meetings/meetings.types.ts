import type { SessionUser } from '../../../common/auth';
import { DEFAULT_MEETING_TYPES, type MeetingType } from '../../../common/meetings';
import type { Db } from '../../db/database';
import { Conflict, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { meetingsRepo } from './meetings.repo';

// Meeting types per school: seeded with DEFAULT_MEETING_TYPES the first time a school looks at them;
// added, renamed and retired by meetings.manage. A type in use is retired, never deleted, so every
// meeting keeps its type.

export function typeActions(db: Db) {
  async function list(orgId: string): Promise<MeetingType[]> {
    let rows = await meetingsRepo.types(db, orgId);
    if (rows.length === 0) {
      const now = nowIso();
      await meetingsRepo.insertTypes(db, DEFAULT_MEETING_TYPES.map((name, i) => ({ id: newId(), org_id: orgId, name, position: i + 1, retired_at: null, created_at: now, updated_at: now })));
      rows = await meetingsRepo.types(db, orgId);
    }
    return rows.map((r) => ({ id: r.id, name: r.name, retired: r.retired_at !== null, used: Number(r.used ?? 0) }));
  }

  async function expectFreeName(trx: Db, orgId: string, name: string, except?: string) {
    const same = await meetingsRepo.typeByName(trx, orgId, name);
    if (same && same.id !== except) throw Conflict('meeting_type_taken', 'err.meeting_type_taken', { name: 'err.meeting_type_taken' });
  }

  return {
    list,

    async add(user: SessionUser, name: string): Promise<MeetingType[]> {
      const orgId = user.org.id;
      const types = await list(orgId);
      await db.transaction().execute(async (trx) => {
        await expectFreeName(trx, orgId, name);
        const now = nowIso();
        const row = { id: newId(), org_id: orgId, name, position: types.length + 1, retired_at: null, created_at: now, updated_at: now };
        await meetingsRepo.insertTypes(trx, [row]);
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'meeting_type', entityId: row.id, label: name, after: { name } });
      });
      return list(orgId);
    },

    async update(user: SessionUser, id: string, patch: { name?: string; retired?: boolean }): Promise<MeetingType[]> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await meetingsRepo.type(trx, orgId, id);
        if (!before) throw NotFound('err.meeting_type_not_found');
        const changes: { name?: string; retired_at?: string | null } = {};
        if (patch.name !== undefined && patch.name !== before.name) {
          await expectFreeName(trx, orgId, patch.name, id);
          changes.name = patch.name;
        }
        if (patch.retired !== undefined && patch.retired !== (before.retired_at !== null)) changes.retired_at = patch.retired ? nowIso() : null;
        if (Object.keys(changes).length === 0) return;
        await meetingsRepo.updateType(trx, orgId, id, { ...changes, updated_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'meeting_type', entityId: id, label: changes.name ?? before.name, before: { name: before.name, retired: before.retired_at !== null }, after: patch });
      });
      return list(orgId);
    },

    async remove(user: SessionUser, id: string): Promise<MeetingType[]> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await meetingsRepo.type(trx, orgId, id);
        if (!before) throw NotFound('err.meeting_type_not_found');
        if (await meetingsRepo.typeUsed(trx, orgId, id)) throw Conflict('meeting_type_used', 'err.meeting_type_used');
        await meetingsRepo.deleteType(trx, orgId, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'meeting_type', entityId: id, label: before.name, before: { name: before.name } });
      });
      return list(orgId);
    },
  };
}
