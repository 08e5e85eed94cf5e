import type { Group } from '../../../common/groups';
import type { Db } from '../../db/database';
import type { MemberGroupsTable } from '../../db/tables';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { membersRepo } from '../members/members.repo';
import { groupsRepo } from './groups.repo';

interface GroupInput {
  name?: string;
  leaderMemberId?: string | null;
  note?: string | null;
}

export function createGroupsService(db: Db) {
  async function get(orgId: string, id: string): Promise<Group> {
    const g = (await groupsRepo.list(db, orgId)).find((x) => x.id === id);
    if (!g) throw NotFound('err.group_not_found');
    return { id: g.id, name: g.name, leaderMemberId: g.leader_member_id, leaderName: g.leader_name, note: g.note, memberCount: Number(g.member_count) };
  }

  async function checkInput(trx: Db, orgId: string, input: GroupInput, selfId?: string) {
    if (input.name !== undefined) {
      const same = await groupsRepo.findByName(trx, orgId, input.name);
      if (same && same.id !== selfId) throw Conflict('group_name_taken', 'err.group_name_taken', { name: 'err.group_name_taken' });
    }
    if (input.leaderMemberId && (await membersRepo.existingIds(trx, orgId, [input.leaderMemberId])).length === 0) {
      throw Invalid('leaderMemberId', 'err.member_not_found');
    }
  }

  return {
    get,
    async list(orgId: string): Promise<{ items: Group[]; total: number }> {
      const rows = await groupsRepo.list(db, orgId);
      const items = rows.map((g) => ({ id: g.id, name: g.name, leaderMemberId: g.leader_member_id, leaderName: g.leader_name, note: g.note, memberCount: Number(g.member_count) }));
      return { items, total: items.length };
    },

    async create(actor: Actor, input: Required<Pick<GroupInput, 'name'>> & GroupInput): Promise<Group> {
      const id = await db.transaction().execute(async (trx) => {
        await checkInput(trx, actor.orgId, input);
        return insertGroup(trx, actor, input.name, input.leaderMemberId ?? null, input.note ?? null);
      });
      return get(actor.orgId, id);
    },

    async update(actor: Actor, id: string, input: GroupInput): Promise<Group> {
      await db.transaction().execute(async (trx) => {
        const before = await groupsRepo.find(trx, actor.orgId, id);
        if (!before) throw NotFound('err.group_not_found');
        await checkInput(trx, actor.orgId, input, id);
        const patch: Partial<MemberGroupsTable> = { updated_at: nowIso() };
        if (input.name !== undefined) patch.name = input.name;
        if (input.leaderMemberId !== undefined) patch.leader_member_id = input.leaderMemberId;
        if (input.note !== undefined) patch.note = input.note;
        await groupsRepo.update(trx, actor.orgId, id, patch);
        await auditRepo.record(trx, actor, { action: 'update', entity: 'group', entityId: id, label: patch.name ?? before.name, before, after: { ...before, ...patch } });
      });
      return get(actor.orgId, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await groupsRepo.find(trx, actor.orgId, id);
        if (!before) throw NotFound('err.group_not_found');
        if ((await membersRepo.countInGroup(trx, actor.orgId, id)) > 0) throw Conflict('group_not_empty', 'err.group_not_empty');
        await groupsRepo.remove(trx, actor.orgId, id);
        await auditRepo.record(trx, actor, { action: 'delete', entity: 'group', entityId: id, label: before.name, before });
      });
    },
  };
}
export type GroupsService = ReturnType<typeof createGroupsService>;

/** Inserts a group with its audit row inside the caller's transaction (used by the roster import too). */
export async function insertGroup(trx: Db, actor: Actor, name: string, leaderMemberId: string | null = null, note: string | null = null): Promise<string> {
  const now = nowIso();
  const row: MemberGroupsTable = { id: newId(), org_id: actor.orgId, name, leader_member_id: leaderMemberId, note, created_at: now, updated_at: now };
  await groupsRepo.insert(trx, row);
  await auditRepo.record(trx, actor, { action: 'create', entity: 'group', entityId: row.id, label: name, after: row });
  return row.id;
}
