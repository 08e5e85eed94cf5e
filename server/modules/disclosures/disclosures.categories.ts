import type { SessionUser } from '../../../common/auth';
import { DEFAULT_DISCLOSURE_CATEGORIES, type CategoryPatch, type DisclosureCategory } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import type { DisclosureCategoriesTable } from '../../db/tables';
import { AppError, Conflict, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { catalogRepo } from './disclosures.catalog.repo';

// A school's categories: DOMAIN.md's list to start with, then its own.

const toCategory = (c: DisclosureCategoriesTable & { items?: number }): DisclosureCategory => ({
  id: c.id,
  code: c.code,
  name: c.name,
  position: c.position,
  disabled: c.disabled === 1,
  items: c.items ?? 0,
});

export function categoryActions(db: Db) {
  /** A school starts with DOMAIN.md's categories, written the first time anyone asks for them. */
  async function ensureDefaults(user: SessionUser): Promise<void> {
    if (await catalogRepo.hasCategories(db, user.org.id)) return;
    const now = nowIso();
    const rows = Object.entries(DEFAULT_DISCLOSURE_CATEGORIES).map(([code, l], position) => ({ id: newId(), org_id: user.org.id, code, name: l.zh, position, disabled: 0, created_at: now, updated_at: now }));
    await db.transaction().execute(async (trx) => {
      await catalogRepo.insertCategories(trx, rows);
      await auditRepo.record(trx, actorOf(user), { action: 'create_defaults', entity: 'disclosure_category', entityId: null, label: '默认类别', after: rows.map((r) => r.name) });
    });
  }

  async function find(trx: Db, orgId: string, id: string) {
    const c = await catalogRepo.findCategory(trx, orgId, id);
    if (!c) throw NotFound();
    return c;
  }

  async function expectFreeName(trx: Db, orgId: string, name: string, self?: string) {
    const other = await catalogRepo.categoryNamed(trx, orgId, name);
    if (other && other.id !== self) throw Conflict('disclosure_category_taken', 'err.disclosure_category_taken', { name: 'err.disclosure_category_taken' });
  }

  return {
    ensureDefaults,
    exists: async (user: SessionUser, id: string) => void (await find(db, user.org.id, id)),

    async list(user: SessionUser): Promise<{ items: DisclosureCategory[]; total: number }> {
      await ensureDefaults(user);
      const items = (await catalogRepo.categories(db, user.org.id)).map(toCategory);
      return { items, total: items.length };
    },

    async create(user: SessionUser, name: string): Promise<DisclosureCategory> {
      await ensureDefaults(user);
      const orgId = user.org.id;
      return db.transaction().execute(async (trx) => {
        await expectFreeName(trx, orgId, name);
        const now = nowIso();
        const row = { id: newId(), org_id: orgId, code: null, name, position: await catalogRepo.nextCategoryPosition(trx, orgId), disabled: 0, created_at: now, updated_at: now };
        await catalogRepo.insertCategories(trx, [row]);
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'disclosure_category', entityId: row.id, label: name, after: { name } });
        return toCategory(row);
      });
    },

    /** Rename, reorder, or disable (a disabled category keeps its items but takes no new ones). */
    async update(user: SessionUser, id: string, patch: CategoryPatch): Promise<DisclosureCategory> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await find(trx, orgId, id);
        if (patch.name !== undefined) await expectFreeName(trx, orgId, patch.name, id);
        const changes = { name: patch.name, position: patch.position, disabled: patch.disabled === undefined ? undefined : patch.disabled ? 1 : 0 };
        await catalogRepo.updateCategory(trx, orgId, id, { ...changes, updated_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'disclosure_category', entityId: id, label: patch.name ?? before.name, before: toCategory(before), after: patch });
      });
      return toCategory({ ...(await find(db, orgId, id)), items: await catalogRepo.categoryUse(db, orgId, id) });
    },

    /** Only a category no item uses can be deleted; one in use can be disabled instead. */
    async remove(user: SessionUser, id: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await find(trx, orgId, id);
        const count = await catalogRepo.categoryUse(trx, orgId, id);
        if (count > 0) throw new AppError(409, 'disclosure_category_in_use', 'err.disclosure_category_in_use', { count });
        await catalogRepo.deleteCategory(trx, orgId, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'disclosure_category', entityId: id, label: before.name, before: toCategory(before) });
      });
    },
  };
}
