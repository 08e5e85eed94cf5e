import type { Db } from '../../db/database';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { AuditEntry } from '../../../common/audit';
import type { SessionUser } from '../../../common/auth';

/** Who did a write. The audit row keeps the name as it was, so renaming an account keeps history true. */
export interface Actor {
  orgId: string;
  userId: string | null;
  name: string | null;
}
export const actorOf = (u: SessionUser): Actor => ({ orgId: u.org.id, userId: u.id, name: u.displayName });

export interface AuditWrite {
  action: string;
  entity: string;
  entityId: string | null;
  label?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

// Insert and read only: the API offers no way to change or delete an audit row.
export const auditRepo = {
  record: (db: Db, actor: Actor, w: AuditWrite) => auditRepo.recordMany(db, actor, [w]),

  async recordMany(db: Db, actor: Actor, writes: AuditWrite[]): Promise<void> {
    const at = nowIso();
    const rows = writes.map((w) => ({
      id: newId(),
      org_id: actor.orgId,
      at,
      actor_id: actor.userId,
      actor_name: actor.name,
      action: w.action,
      entity: w.entity,
      entity_id: w.entityId,
      entity_label: w.label ?? null,
      before: json(w.before),
      after: json(w.after),
    }));
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('audit_log').values(rows.slice(i, i + 1000)).execute();
  },

  async list(db: Db, orgId: string, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
    let q = db.selectFrom('audit_log').where('org_id', '=', orgId);
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.from) q = q.where('at', '>=', f.from);
    if (f.to) q = q.where('at', '<', f.to);
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await q
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return {
      total: Number(total),
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        label: r.entity_label,
        before: r.before ? JSON.parse(r.before) : null,
        after: r.after ? JSON.parse(r.after) : null,
      })),
    };
  },
};
