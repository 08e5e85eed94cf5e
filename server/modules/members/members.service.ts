import type { Member, MemberInput, MemberListQuery } from '../../../common/members';
import type { Database, Db } from '../../db/database';
import type { MembersTable } from '../../db/tables';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { groupsRepo } from '../groups/groups.repo';
import { auditView, changedColumns, toColumns, toMember } from './members.mapping';
import { importRoster, type ImportOptions } from './members.import';
import { membersRepo, type MemberFilter } from './members.repo';

export function createMembersService(database: Database) {
  const { db } = database;
  async function get(orgId: string, id: string, includeDeleted = false): Promise<Member> {
    const row = await membersRepo.find(db, orgId, id, includeDeleted);
    if (!row) throw NotFound('err.member_not_found');
    return toMember(row);
  }

  async function checkRefs(trx: Db, orgId: string, input: Partial<MemberInput>, selfId?: string) {
    if (input.groupId && !(await groupsRepo.find(trx, orgId, input.groupId))) throw Invalid('groupId', 'err.group_not_found');
    if (input.employeeNo !== undefined) {
      const same = await membersRepo.findByEmployeeNo(trx, orgId, input.employeeNo);
      if (same && same.id !== selfId) throw Conflict('employee_no_taken', 'err.employee_no_taken', { employeeNo: 'err.employee_no_taken' });
    }
  }

  return {
    get,
    async list(orgId: string, q: MemberListQuery): Promise<{ items: Member[]; total: number }> {
      const { rows, total } = await membersRepo.list(db, orgId, q);
      return { items: rows.map(toMember), total };
    },
    all: async (orgId: string, f: MemberFilter) => (await membersRepo.all(db, orgId, f)).map(toMember),

    /** A user's own record; null if it was deleted since the account was linked. */
    findForProfile: async (orgId: string, id: string) => {
      const row = await membersRepo.find(db, orgId, id);
      return row ? toMember(row) : null;
    },

    async create(actor: Actor, input: MemberInput): Promise<Member> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await checkRefs(trx, actor.orgId, input);
        const now = nowIso();
        const row = { ...emptyRow(), ...toColumns(input), id, org_id: actor.orgId, created_at: now, updated_at: now } as MembersTable;
        await membersRepo.insert(trx, row);
        await auditRepo.record(trx, actor, { action: 'create', entity: 'member', entityId: id, label: row.name, after: auditView(row) });
      });
      return get(actor.orgId, id);
    },

    async update(actor: Actor, id: string, input: Partial<MemberInput>): Promise<Member> {
      await db.transaction().execute(async (trx) => {
        const before = await membersRepo.find(trx, actor.orgId, id);
        if (!before) throw NotFound('err.member_not_found');
        await checkRefs(trx, actor.orgId, input, id);
        const changes = changedColumns(before, toColumns(input));
        if (Object.keys(changes).length === 0) return;
        await membersRepo.update(trx, actor.orgId, id, { ...changes, updated_at: nowIso() });
        const beforeView = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof MembersTable]]));
        await auditRepo.record(trx, actor, { action: 'update', entity: 'member', entityId: id, label: changes.name ?? before.name, before: auditView(beforeView), after: auditView(changes) });
      });
      return get(actor.orgId, id);
    },

    importRoster: (actor: Actor, data: Buffer, opts: ImportOptions) => importRoster(database, actor, data, opts),

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await membersRepo.find(trx, actor.orgId, id);
        if (!before) throw NotFound('err.member_not_found');
        const at = nowIso();
        await membersRepo.update(trx, actor.orgId, id, { deleted_at: at, updated_at: at });
        await auditRepo.record(trx, actor, { action: 'delete', entity: 'member', entityId: id, label: before.name, before: { employee_no: before.employee_no, name: before.name } });
      });
    },

    async restore(actor: Actor, id: string): Promise<Member> {
      await db.transaction().execute(async (trx) => {
        const row = await membersRepo.find(trx, actor.orgId, id, true);
        if (!row) throw NotFound('err.member_not_found');
        if (!row.deleted_at) return;
        if (await membersRepo.findByEmployeeNo(trx, actor.orgId, row.employee_no)) {
          throw Conflict('employee_no_taken', 'err.employee_no_taken', { employeeNo: 'err.employee_no_taken' });
        }
        await membersRepo.update(trx, actor.orgId, id, { deleted_at: null, updated_at: nowIso() });
        await auditRepo.record(trx, actor, { action: 'restore', entity: 'member', entityId: id, label: row.name, after: { employee_no: row.employee_no, name: row.name } });
      });
      return get(actor.orgId, id);
    },
  };
}
export type MembersService = ReturnType<typeof createMembersService>;

/** Column defaults for a new member, matching the schema's defaults. */
export function emptyRow(): Omit<MembersTable, 'id' | 'org_id' | 'employee_no' | 'name' | 'name_pinyin' | 'created_at' | 'updated_at'> {
  return {
    gender: null,
    birth_date: null,
    phone: null,
    department: null,
    staff_category: 'teacher',
    title: 'none',
    political_status: null,
    hire_date: null,
    join_date: null,
    status: 'active',
    group_id: null,
    hardship_level: 'none',
    deleted_at: null,
  };
}
