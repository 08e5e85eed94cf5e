import { EXTRA_SESSION_SHARE } from '../../../common/congress';
import type { Db } from '../../db/database';
import { AppError, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { notify, recipients } from '../notifications/notifications.service';
import { congressRepo } from './congress.repo';

/** Signatures needed for an extra session: at least one third of the term's delegates (教育部令第32号). */
export const signaturesNeeded = (delegates: number) => Math.ceil(delegates * EXTRA_SESSION_SHARE);

/**
 * 临时会议提议: a delegate proposes an extra session and others sign; when one third of the term's
 * delegates have signed, the chair is notified once.
 */
export function createRequestsService(db: Db) {
  async function requireDelegate(orgId: string, termId: string, memberId: string | null) {
    if (!memberId || !(await congressRepo.findDelegate(db, orgId, termId, memberId))) throw new AppError(403, 'not_delegate', 'err.congress_not_delegate');
    return memberId;
  }

  async function sign(actor: Actor, memberId: string, requestId: string, termId: string) {
    const needed = signaturesNeeded(await congressRepo.delegateCount(db, actor.orgId, termId));
    await db.transaction().execute(async (trx) => {
      const at = nowIso();
      if (!(await congressRepo.addSigner(trx, requestId, memberId, at))) throw new AppError(409, 'already_signed', 'err.congress_already_signed');
      const request = (await congressRepo.findRequest(trx, actor.orgId, requestId))!;
      if (!request.notified_at && (await congressRepo.signerCount(trx, requestId)) >= needed) {
        await congressRepo.markRequestNotified(trx, requestId, at);
        await notify(trx, actor.orgId, await recipients.withRoles(trx, actor.orgId, ['chair']), {
          kind: 'congress_extra_session',
          title: '代表提议召开临时教代会',
          body: `已有 ${needed} 名以上代表（三分之一）联名提议：${request.reason}`,
          link: `/congress/terms/${termId}`,
        });
      }
      await auditRepo.record(trx, actor, { action: 'sign_request', entity: 'congress_term', entityId: termId, after: { requestId } });
    });
  }

  return {
    async list(orgId: string, termId: string, memberId: string | null) {
      if (!(await congressRepo.findTerm(db, orgId, termId))) throw NotFound();
      const needed = signaturesNeeded(await congressRepo.delegateCount(db, orgId, termId));
      const rows = await congressRepo.listRequests(db, orgId, termId);
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          reason: r.reason,
          createdAt: r.created_at,
          signers: Number(r.signers),
          needed,
          chairNotified: !!r.notified_at,
          signedByMe: memberId ? await congressRepo.signedBy(db, r.id, memberId) : false,
        })),
      );
    },

    async create(actor: Actor, memberIdOfUser: string | null, termId: string, reason: string) {
      if (!(await congressRepo.findTerm(db, actor.orgId, termId))) throw NotFound();
      const memberId = await requireDelegate(actor.orgId, termId, memberIdOfUser);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await congressRepo.insertRequest(trx, { id, org_id: actor.orgId, term_id: termId, reason, created_by: memberId, created_at: nowIso(), notified_at: null });
        await auditRepo.record(trx, actor, { action: 'create_request', entity: 'congress_term', entityId: termId, after: { requestId: id, reason } });
      });
      await sign(actor, memberId, id, termId);
      return (await this.list(actor.orgId, termId, memberId)).find((r) => r.id === id)!;
    },

    async sign(actor: Actor, memberIdOfUser: string | null, requestId: string) {
      const request = await congressRepo.findRequest(db, actor.orgId, requestId);
      if (!request) throw NotFound();
      const memberId = await requireDelegate(actor.orgId, request.term_id, memberIdOfUser);
      await sign(actor, memberId, requestId, request.term_id);
      return (await this.list(actor.orgId, request.term_id, memberId)).find((r) => r.id === requestId)!;
    },
  };
}
