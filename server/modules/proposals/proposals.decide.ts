import type { SessionUser } from '../../../common/auth';
import { PROPOSAL_STATE_LABELS, type DecisionInput, type ProposalDecision } from '../../../common/proposals';
import type { Db } from '../../db/database';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, actorOf } from '../audit/audit.repo';
import { notify } from '../notifications/notifications.service';
import { proposalsRepo, type ProposalRow } from './proposals.repo';
import { threadRepo } from './proposals.thread.repo';
import { recordEvent } from './proposals.events';
import { concerned, linkOf, named } from './proposals.view';

// The 提案工作委员会's decisions: 立案 / 并案 / 转为意见建议 / 不予立案, one or many at once, published at
// once or drafted and published together (Decidim users asked for both). Also its private notes.

interface Decision {
  decision: ProposalDecision;
  reason: string | null;
  mergeIntoId: string | null;
}

const DECISION_TEXT: Record<ProposalDecision, string> = {
  accepted: '已立案',
  merged: '已并案',
  converted: '已转为意见建议',
  rejected: '不予立案',
};

/** A merge target: another proposal of the school, still alive (not a draft, not itself merged away). */
async function expectMergeTarget(trx: Db, orgId: string, row: ProposalRow, targetId: string | null, batch: string[]): Promise<ProposalRow> {
  const target = targetId ? await proposalsRepo.find(trx, orgId, targetId) : undefined;
  if (!target || target.id === row.id || batch.includes(target.id) || !['submitted', 'accepted', 'assigned'].includes(target.state)) {
    throw Invalid('mergeIntoId', 'err.proposal_merge_target');
  }
  return target;
}

function refuse(row: ProposalRow): never {
  throw new AppError(409, 'proposal_state', 'err.proposal_state_of', { title: row.title, state: PROPOSAL_STATE_LABELS[row.state as keyof typeof PROPOSAL_STATE_LABELS]?.zh ?? row.state });
}

async function apply(trx: Db, user: SessionUser, row: ProposalRow, d: Decision, target?: ProposalRow): Promise<void> {
  const orgId = user.org.id;
  const now = nowIso();
  await proposalsRepo.update(trx, orgId, row.id, {
    state: d.decision,
    decision: d.decision,
    decision_reason: d.reason,
    merged_into_id: d.mergeIntoId,
    decided_at: now,
    draft_decision: null,
    draft_reason: null,
    draft_merge_into_id: null,
    updated_at: now,
  });
  await auditRepo.record(trx, actorOf(user), { action: 'decide', entity: 'proposal', entityId: row.id, label: row.title, before: { state: row.state }, after: { state: d.decision, reason: d.reason, mergeIntoId: d.mergeIntoId } });
  await recordEvent(trx, user, row, 'decided', { decision: d.decision, ...(target ? { mergedInto: { id: target.id, title: target.title } } : {}) });
  const l = { row, cosigners: await proposalsRepo.cosigners(trx, orgId, row.id), assists: [] };
  const to = await concerned(trx, l, { proposer: true, cosigners: true }, user.id);
  const reason = d.reason ? `：${d.reason}` : '';
  const into = target ? `，并入${named(target)}` : '';
  await notify(trx, orgId, to, { kind: `proposal.${d.decision}`, title: `提案${DECISION_TEXT[d.decision]}`, body: `${named(row)}${DECISION_TEXT[d.decision]}${into}${reason}`, link: linkOf(row.id) });
  if (target && target.proposer_user_id !== user.id) {
    await notify(trx, orgId, [target.proposer_user_id], { kind: 'proposal.merged_into', title: '有提案并入您的提案', body: `${named(row)}已并入您的提案${named(target)}`, link: linkOf(target.id) });
  }
}

export function decideActions(db: Db) {
  return {
    /** Decides submitted proposals, all or none: a draft decision unless `publish`. */
    async decide(user: SessionUser, ids: string[], input: DecisionInput): Promise<{ decided: number; published: boolean }> {
      const orgId = user.org.id;
      const batch = [...new Set(ids)];
      const d: Decision = { decision: input.decision, reason: input.reason || null, mergeIntoId: input.decision === 'merged' ? input.mergeIntoId! : null };
      await db.transaction().execute(async (trx) => {
        const rows = await proposalsRepo.byIds(trx, orgId, batch);
        if (rows.length !== batch.length) throw NotFound('err.proposal_not_found');
        for (const row of rows) {
          if (row.state !== 'submitted') refuse(row);
          const target = d.decision === 'merged' ? await expectMergeTarget(trx, orgId, row, d.mergeIntoId, batch) : undefined;
          if (input.publish) {
            await apply(trx, user, row, d, target);
          } else {
            await proposalsRepo.update(trx, orgId, row.id, { draft_decision: d.decision, draft_reason: d.reason, draft_merge_into_id: d.mergeIntoId, updated_at: nowIso() });
            await auditRepo.record(trx, actorOf(user), { action: 'draft_decision', entity: 'proposal', entityId: row.id, label: row.title, after: d });
          }
        }
      });
      return { decided: batch.length, published: input.publish };
    },

    /**
     * Publishes drafted decisions (all of the school's, or those of `ids`), together in one transaction.
     * Plain decisions go first, so a merge into a proposal decided in the same batch sees its new state.
     */
    async publish(user: SessionUser, ids?: string[]): Promise<{ published: number }> {
      const orgId = user.org.id;
      let count = 0;
      await db.transaction().execute(async (trx) => {
        const rows = await proposalsRepo.withDraftDecision(trx, orgId, ids && [...new Set(ids)]);
        if (ids && rows.length !== new Set(ids).size) throw new AppError(409, 'proposal_no_draft', 'err.proposal_no_draft');
        rows.sort((a, b) => Number(a.draft_decision === 'merged') - Number(b.draft_decision === 'merged'));
        for (const row of rows) {
          const d: Decision = { decision: row.draft_decision as ProposalDecision, reason: row.draft_reason, mergeIntoId: row.draft_merge_into_id };
          const target = d.decision === 'merged' ? await expectMergeTarget(trx, orgId, row, d.mergeIntoId, []) : undefined;
          await apply(trx, user, row, d, target);
          count++;
        }
      });
      return { published: count };
    },

    async addNote(user: SessionUser, id: string, body: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const row = await proposalsRepo.find(trx, orgId, id);
        if (!row) throw NotFound('err.proposal_not_found');
        const postId = newId();
        await threadRepo.insertPost(trx, { id: postId, org_id: orgId, proposal_id: id, kind: 'note', user_id: user.id, author_name: user.displayName, body, created_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'note', entity: 'proposal', entityId: id, label: row.title, after: { noteId: postId } });
      });
    },
  };
}
