import type { SessionUser } from '../../../common/auth';
import type { Department, DepartmentInput, DepartmentPatch } from '../../../common/departments';
import type { Role } from '../../../common/permissions';
import type { Db } from '../../db/database';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { departmentsRepo } from './departments.repo';

const displayName = (r: { username: string; member_name: string | null }) => r.member_name ?? r.username;

/** Departments with their handler accounts, in the shape the API returns. */
async function toDepartments(db: Db, orgId: string, rows: { id: string; name: string }[]): Promise<Department[]> {
  const handlers = await departmentsRepo.handlers(db, orgId, rows.map((d) => d.id));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    handlers: handlers.filter((h) => h.department_id === d.id).map((h) => ({ userId: h.user_id, name: displayName(h) })),
  }));
}

export function createDepartmentsService(db: Db) {
  async function get(orgId: string, id: string): Promise<Department> {
    const row = await departmentsRepo.findActive(db, orgId, id);
    if (!row) throw NotFound('err.department_not_found');
    return (await toDepartments(db, orgId, [row]))[0];
  }

  async function check(trx: Db, orgId: string, input: DepartmentPatch, selfId?: string): Promise<string[] | undefined> {
    if (input.name !== undefined) {
      const same = await departmentsRepo.findByName(trx, orgId, input.name);
      if (same && same.id !== selfId) throw Conflict('department_name_taken', 'err.department_name_taken', { name: 'err.department_name_taken' });
    }
    if (input.handlerUserIds === undefined) return undefined;
    const ids = [...new Set(input.handlerUserIds)];
    const active = new Set((await departmentsRepo.accounts(trx, orgId)).map((a) => a.id));
    if (ids.some((u) => !active.has(u))) throw Invalid('handlerUserIds', 'err.department_handler_invalid');
    return ids;
  }

  return {
    get,
    assertExists: async (user: SessionUser, id: string) => void (await get(user.org.id, id)),

    async list(user: SessionUser): Promise<{ items: Department[]; total: number }> {
      const rows = (await departmentsRepo.list(db, user.org.id)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
      const items = await toDepartments(db, user.org.id, rows);
      return { items, total: items.length };
    },

    /** Active accounts a department's mail can go to (the managers may not be able to list accounts). */
    async candidates(user: SessionUser) {
      const rows = await departmentsRepo.accounts(db, user.org.id);
      const items = rows.map((r) => ({ id: r.id, username: r.username, name: displayName(r), roles: JSON.parse(r.roles) as Role[] }));
      return { items, total: items.length };
    },

    async create(user: SessionUser, input: DepartmentInput): Promise<Department> {
      const orgId = user.org.id;
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const handlers = (await check(trx, orgId, input)) ?? [];
        const now = nowIso();
        await departmentsRepo.insert(trx, { id, org_id: orgId, name: input.name, deleted_at: null, created_at: now, updated_at: now });
        await departmentsRepo.replaceHandlers(trx, orgId, id, handlers);
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'department', entityId: id, label: input.name, after: { name: input.name, handlerUserIds: handlers } });
      });
      return get(orgId, id);
    },

    async update(user: SessionUser, id: string, patch: DepartmentPatch): Promise<Department> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await departmentsRepo.findActive(trx, orgId, id);
        if (!before) throw NotFound('err.department_not_found');
        const handlers = await check(trx, orgId, patch, id);
        const beforeHandlers = (await departmentsRepo.handlers(trx, orgId, [id])).map((h) => h.user_id);
        await departmentsRepo.update(trx, orgId, id, { ...(patch.name !== undefined ? { name: patch.name } : {}), updated_at: nowIso() });
        if (handlers) await departmentsRepo.replaceHandlers(trx, orgId, id, handlers);
        await auditRepo.record(trx, actorOf(user), {
          action: 'update',
          entity: 'department',
          entityId: id,
          label: patch.name ?? before.name,
          before: { name: before.name, handlerUserIds: beforeHandlers },
          after: { name: patch.name ?? before.name, handlerUserIds: handlers ?? beforeHandlers },
        });
      });
      return get(orgId, id);
    },

    /** Soft delete: it leaves the pickers, and what was sent to it keeps its name and its handlers. */
    async remove(user: SessionUser, id: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await departmentsRepo.findActive(trx, orgId, id);
        if (!before) throw NotFound('err.department_not_found');
        await departmentsRepo.update(trx, orgId, id, { deleted_at: nowIso(), updated_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'department', entityId: id, label: before.name, before: { name: before.name } });
      });
    },
  };
}
export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
