import { orgSettings, type Org, type OrgKind, type OrgSettings } from '../../../common/orgs';
import type { Db } from '../../db/database';
import type { OrgsTable } from '../../db/tables';
import { Forbidden, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { TtlCache } from '../../lib/cache';
import { localDate, nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { orgsRepo } from './orgs.repo';

/** Stored settings merged over the defaults, so a setting added later reads its default for old schools. */
export function toOrg(row: OrgsTable): Org {
  const stored = safeJson(row.settings);
  const parsed = orgSettings.safeParse(stored);
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind as OrgKind,
    settings: parsed.success ? parsed.data : orgSettings.parse({}),
  };
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
};

/** How long this process trusts an organisation it has read (settings change a few times a year). */
export const ORG_CACHE_MS = 5_000;

export function createOrgsService(db: Db, onChange: () => void = () => {}) {
  const cache = new TtlCache<Org>(ORG_CACHE_MS);
  const get = async (id: string): Promise<Org> => {
    const org = await cache.get(id, async () => {
      const row = await orgsRepo.find(db, id);
      return row ? toOrg(row) : null;
    });
    if (!org) throw NotFound();
    return org;
  };

  return {
    get,
    /** Today's date in the organisation's time zone (where no signed-in user carries it). */
    today: async (id: string) => localDate((await get(id)).settings.timezone),

    async update(actor: Actor, patch: { name?: string; settings?: Partial<OrgSettings> }): Promise<Org> {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await orgsRepo.find(trx, actor.orgId);
        if (!row) throw NotFound();
        const before = toOrg(row);
        const settings = orgSettings.parse({ ...before.settings, ...patch.settings });
        await orgsRepo.update(trx, actor.orgId, {
          name: patch.name ?? row.name,
          settings: JSON.stringify(settings),
          updated_at: nowIso(),
        });
        const after: Org = { ...before, name: patch.name ?? row.name, settings };
        await auditRepo.record(trx, actor, { action: 'update', entity: 'org', entityId: actor.orgId, label: after.name, before, after });
        return after;
      });
      // After the commit, so that no read of the old row can be cached again.
      cache.forget(actor.orgId);
      onChange();
      return updated;
    },

    /** Creates an organisation row; used by setup and by an upper union adding a school under it. */
    async create(trx: Db, input: { name: string; kind: OrgKind; parentId: string | null }): Promise<Org> {
      const now = nowIso();
      const row: OrgsTable = {
        id: newId(),
        parent_id: input.parentId,
        name: input.name,
        kind: input.kind,
        settings: JSON.stringify(orgSettings.parse({})),
        created_at: now,
        updated_at: now,
      };
      await orgsRepo.insert(trx, row);
      return toOrg(row);
    },

    async children(orgId: string): Promise<{ items: Org[]; total: number }> {
      const row = await orgsRepo.find(db, orgId);
      if (row?.kind !== 'union') throw Forbidden();
      const rows = await orgsRepo.children(db, orgId);
      return { items: rows.map(toOrg), total: rows.length };
    },

    isEmpty: async () => (await orgsRepo.count(db)) === 0,
  };
}
export type OrgsService = ReturnType<typeof createOrgsService>;
