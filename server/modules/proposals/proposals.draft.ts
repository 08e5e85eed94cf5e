import type { SessionUser } from '../../../common/auth';
import type { ProposalInput } from '../../../common/proposals';
import type { Db } from '../../db/database';
import type { ProposalsTable } from '../../db/tables';
import { AppError, Forbidden, Invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { localDate, nowIso } from '../../lib/time';
import { auditRepo, actorOf } from '../audit/audit.repo';
import { filesRepo } from '../files/files.repo';
import { notify, recipients } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { proposalsRepo } from './proposals.repo';
import { threadRepo } from './proposals.thread.repo';
import { recordEvent } from './proposals.events';
import { codeOf, concerned, expectState, linkOf, load, named, windowOpen } from './proposals.view';

// Writing a proposal: draft, invite 附议 co-signers, their answers, and submission to the committee.

type Fields = Partial<Pick<ProposalInput, 'title' | 'reasons' | 'measures' | 'category'>>;

/** A new draft's row: the proposer, the four fields, everything else still to come. */
function draftRow(
  id: string, orgId: string, sessionId: string, proposer: { memberId: string; userId: string; delegationId: string | null }, f: Pick<ProposalInput, 'title' | 'reasons' | 'measures' | 'category'>,
): ProposalsTable {
  const now = nowIso();
  return {
    id, org_id: orgId, session_id: sessionId, proposer_member_id: proposer.memberId, proposer_user_id: proposer.userId, delegation_id: proposer.delegationId,
    title: f.title, reasons: f.reasons, measures: f.measures, category: f.category, single_subject: 0, state: 'draft',
    decision: null, decision_reason: null, merged_into_id: null, decided_at: null, draft_decision: null, draft_reason: null, draft_merge_into_id: null,
    department: null, handler_user_id: null, deadline: null, assigned_at: null, reopened: 0, rating: null, submitted_at: null, closed_at: null,
    number: null, created_at: now, updated_at: now,
  };
}

/**
 * A draft written for a delegate from an opinion raised at a meeting (server/modules/meetings), inside
 * the caller's transaction: the delegate becomes its proposer, finds it among their proposals, and
 * invites co-signers and submits it as usual (the collection window is checked at submission).
 */
export async function createDraftFor(
  trx: Db, user: SessionUser, input: Pick<ProposalInput, 'sessionId' | 'title' | 'reasons' | 'measures' | 'category'> & { proposerMemberId: string },
): Promise<string> {
  const orgId = user.org.id;
  const session = await threadRepo.session(trx, orgId, input.sessionId);
  if (!session) throw Invalid('sessionId', 'err.proposal_session_not_found');
  const [proposerUserId] = await recipients.ofMembers(trx, orgId, [input.proposerMemberId]);
  if (!proposerUserId || (await threadRepo.delegatesAmong(trx, orgId, session.term_id, [input.proposerMemberId])).length === 0) {
    throw Invalid('proposerMemberId', 'err.meeting_proposer');
  }
  const id = newId();
  await proposalsRepo.insert(trx, draftRow(id, orgId, session.id, { memberId: input.proposerMemberId, userId: proposerUserId, delegationId: null }, input));
  await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'proposal', entityId: id, label: input.title, after: input });
  await recordEvent(trx, user, { id, org_id: orgId }, 'created');
  await notify(trx, orgId, [proposerUserId], { kind: 'proposal.drafted_for_you', title: '工会为您起草了提案草稿', body: `《${input.title}》来自会议意见，请补充后邀请附议并提交`, link: linkOf(id) });
  return id;
}

export function draftActions(db: Db, orgs: OrgsService) {

  // `d` is today's date, read before the transaction: on SQLite a query outside it would wait for it forever.
  async function expectWindowOpen(trx: Db, orgId: string, sessionId: string, d: string): Promise<void> {
    const w = await threadRepo.window(trx, orgId, sessionId);
    if (!windowOpen(w, d)) {
      throw new AppError(409, 'proposal_window_closed', 'err.proposal_window_closed', w ? { from: w.opens_on, to: w.closes_on } : { from: '—', to: '—' });
    }
  }

  async function ownDraft(trx: Db, user: SessionUser, id: string) {
    const l = await load(trx, user, id);
    if (!l.is.proposer) throw Forbidden('err.proposal_not_proposer');
    expectState(l.row, ['draft']);
    return l;
  }

  return {
    async create(user: SessionUser, input: ProposalInput): Promise<string> {
      const orgId = user.org.id;
      const memberId = user.memberId;
      if (!memberId) throw Forbidden('err.proposal_no_member');
      const id = newId();
      const d = await orgs.today(orgId);
      await db.transaction().execute(async (trx) => {
        const session = await threadRepo.session(trx, orgId, input.sessionId);
        if (!session) throw Invalid('sessionId', 'err.proposal_session_not_found');
        await expectWindowOpen(trx, orgId, session.id, d);
        if (input.delegationId) {
          // A collective proposal is written by the 代表团's head (团长) in the session's term.
          const d = await threadRepo.delegation(trx, orgId, input.delegationId);
          if (!d || d.term_id !== session.term_id || d.head_member_id !== memberId) throw Forbidden('err.proposal_not_delegation_head');
        } else if ((await threadRepo.delegatesAmong(trx, orgId, session.term_id, [memberId])).length === 0) {
          throw Forbidden('err.proposal_not_delegate');
        }
        await proposalsRepo.insert(trx, draftRow(id, orgId, session.id, { memberId, userId: user.id, delegationId: input.delegationId ?? null }, input));
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'proposal', entityId: id, label: input.title, after: input });
        await recordEvent(trx, user, { id, org_id: orgId }, 'created');
      });
      return id;
    },

    async update(user: SessionUser, id: string, patch: Fields): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const { row } = await ownDraft(trx, user, id);
        const changes = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && row[k as keyof typeof row] !== v));
        if (Object.keys(changes).length === 0) return;
        await proposalsRepo.update(trx, user.org.id, id, { ...changes, updated_at: nowIso() });
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'proposal', entityId: id, label: row.title, before, after: changes });
      });
    },

    async remove(user: SessionUser, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const { row } = await ownDraft(trx, user, id);
        // Attachments are the draft's own: they go with it, named in the audit row.
        const files = await filesRepo.removeOwned(trx, user.org.id, 'proposal', id);
        await proposalsRepo.removeDraft(trx, user.org.id, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'proposal', entityId: id, label: row.title, before: { title: row.title, ...(files.length ? { files } : {}) } });
      });
    },

    /** Invites co-signers: delegates of the same term, not the proposer; re-inviting one who declined asks again. */
    async invite(user: SessionUser, id: string, memberIds: string[]): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const { row } = await ownDraft(trx, user, id);
        const wanted = [...new Set(memberIds)];
        if (wanted.includes(row.proposer_member_id)) throw Invalid('memberIds', 'err.proposal_cosigner_self');
        const session = await threadRepo.session(trx, orgId, row.session_id);
        const delegates = await threadRepo.delegatesAmong(trx, orgId, session!.term_id, wanted);
        if (delegates.length !== wanted.length) throw Invalid('memberIds', 'err.proposal_cosigner_not_delegate');
        await proposalsRepo.invite(trx, orgId, id, wanted, nowIso());
        await auditRepo.record(trx, actorOf(user), { action: 'invite_cosigners', entity: 'proposal', entityId: id, label: row.title, after: { memberIds: wanted } });
        const names = (await proposalsRepo.cosigners(trx, orgId, id)).filter((c) => wanted.includes(c.member_id)).map((c) => c.name);
        await recordEvent(trx, user, row, 'invited', { names });
        await notify(trx, orgId, await recipients.ofMembers(trx, orgId, wanted), {
          kind: 'proposal.cosign_invited',
          title: '附议邀请',
          body: `${row.proposer_name} 邀请您附议提案《${row.title}》`,
          link: linkOf(id),
        });
      });
    },

    async respond(user: SessionUser, id: string, accept: boolean): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.cosigner || !user.memberId) throw Forbidden('err.proposal_not_invited');
        expectState(l.row, ['draft']);
        const status = accept ? 'accepted' : 'declined';
        await proposalsRepo.respond(trx, orgId, id, user.memberId, status, nowIso());
        await auditRepo.record(trx, actorOf(user), { action: accept ? 'cosign' : 'decline_cosign', entity: 'proposal', entityId: id, label: l.row.title });
        await recordEvent(trx, user, l.row, accept ? 'cosigned' : 'declined');
        await notify(trx, orgId, [l.row.proposer_user_id], {
          kind: `proposal.cosign_${status}`,
          title: accept ? '附议已接受' : '附议被谢绝',
          body: `${user.displayName} ${accept ? '同意附议' : '谢绝附议'}您的提案《${l.row.title}》`,
          link: linkOf(id),
        });
      });
    },

    /** Submits a draft with at least the school's number of accepted co-signers (setting proposalCoSigners). */
    async submit(user: SessionUser, id: string): Promise<void> {
      const orgId = user.org.id;
      const { settings } = await orgs.get(orgId);
      const needed = settings.proposalCoSigners;
      const d = localDate(settings.timezone);
      await db.transaction().execute(async (trx) => {
        const l = await ownDraft(trx, user, id);
        await expectWindowOpen(trx, orgId, l.row.session_id, d);
        const accepted = l.cosigners.filter((c) => c.status === 'accepted').length;
        if (accepted < needed) throw Invalid('coSigners', 'err.proposal_cosigners_needed', { needed, accepted });
        // Claiming the draft first makes a second submission of the same draft wait here, then fail.
        if (!(await proposalsRepo.markSubmitted(trx, orgId, id, nowIso()))) expectState((await proposalsRepo.find(trx, orgId, id))!, ['draft']);
        // A proposal withdrawn and submitted again keeps the number it had.
        const number = l.row.number ?? (await threadRepo.nextNumber(trx, orgId, l.row.session_id));
        await proposalsRepo.update(trx, orgId, id, { number });
        const row = { ...l.row, number };
        await auditRepo.record(trx, actorOf(user), { action: 'submit', entity: 'proposal', entityId: id, label: l.row.title, before: { state: 'draft' }, after: { state: 'submitted', code: codeOf(row) } });
        await recordEvent(trx, user, row, 'submitted');
        await notify(trx, orgId, await concerned(trx, l, { cosigners: true, committee: true }, user.id), {
          kind: 'proposal.submitted',
          title: '新提案已提交',
          body: `${named(row)}已提交提案工作委员会审查`,
          link: linkOf(id),
        });
      });
    },

    /** The proposer takes a submitted proposal back to draft, until the committee has decided on it. */
    async withdraw(user: SessionUser, id: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.proposer) throw Forbidden('err.proposal_not_proposer');
        if (!(await proposalsRepo.markWithdrawn(trx, orgId, id, nowIso()))) expectState(l.row, ['submitted']);
        await auditRepo.record(trx, actorOf(user), { action: 'withdraw', entity: 'proposal', entityId: id, label: l.row.title, before: { state: 'submitted' }, after: { state: 'draft' } });
        await recordEvent(trx, user, l.row, 'withdrawn');
        await notify(trx, orgId, await concerned(trx, l, { cosigners: true, committee: true }, user.id), {
          kind: 'proposal.withdrawn',
          title: '提案已撤回',
          body: `${named(l.row)}已由提案人撤回修改，附议人需在重新提交前再次确认`,
          link: linkOf(id),
        });
      });
    },
  };
}

