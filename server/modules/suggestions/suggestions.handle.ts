import type { SessionUser } from '../../../common/auth';
import type { SuggestionStatus, WallInput } from '../../../common/suggestions';
import type { Db } from '../../db/database';
import { AppError, Forbidden, Invalid } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { notify } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { suggestionsRepo } from './suggestions.repo';
import { expectStatus, linkOf, load, type Loaded } from './suggestions.view';

// What the addressee does: reply (as often as needed), move the status on, publish on the 回音壁,
// link a proposal. Only whoever answers the suggestion's mailbox may; the service checks it.

export function handleActions(db: Db, orgs: OrgsService) {

  /** Loads the suggestion for its handler, in a transaction, and audits what `act` returns. */
  async function asHandler(user: SessionUser, id: string, act: (trx: Db, l: Loaded, day: string) => Promise<{ action: string; before?: unknown; after?: unknown }>): Promise<void> {
    const day = await orgs.today(user.org.id);
    await db.transaction().execute(async (trx) => {
      const l = await load(trx, user, id);
      if (!l.is.handler) throw Forbidden('err.suggestion_not_handler');
      const { action, before, after } = await act(trx, l, day);
      await auditRepo.record(trx, actorOf(user), { action, entity: 'suggestion', entityId: id, label: l.row.title, before, after });
    });
  }

  return {
    async reply(user: SessionUser, id: string, body: string): Promise<void> {
      await asHandler(user, id, async (trx, { row }, day) => {
        expectStatus(row, ['pending', 'in_progress', 'answered']);
        const messageId = randomToken(12);
        await suggestionsRepo.insertMessage(trx, { suggestion_id: id, id: messageId, org_id: row.org_id, author_kind: 'handler', body, user_id: user.id, author_name: user.displayName, created_on: day, created_at: nowIso() });
        await suggestionsRepo.update(trx, row.org_id, id, { status: 'answered', answered_on: row.answered_on ?? day });
        // A named writer hears of it; an anonymous one has nobody to notify and checks with the receipt.
        if (row.writer_user_id) {
          await notify(trx, row.org_id, [row.writer_user_id], { kind: 'suggestion.replied', title: '您的意见有了答复', body: `《${row.title}》：${body.slice(0, 60)}`, link: linkOf(id) });
        }
        return { action: 'reply', before: { status: row.status }, after: { status: 'answered', messageId } };
      });
    },

    /** 处理中 (taken up, or reopened) and 已关闭. */
    async setStatus(user: SessionUser, id: string, status: Extract<SuggestionStatus, 'in_progress' | 'closed'>): Promise<void> {
      await asHandler(user, id, async (trx, { row }, day) => {
        if (row.status === status) expectStatus(row, []);
        await suggestionsRepo.update(trx, row.org_id, id, { status, closed_on: status === 'closed' ? day : null });
        return { action: status === 'closed' ? 'close' : 'take_up', before: { status: row.status }, after: { status } };
      });
    },

    /** Puts the question and its answer on the 回音壁 (edited as the handler sees fit, never a name), or takes them down. */
    async wall(user: SessionUser, id: string, input: WallInput): Promise<void> {
      await asHandler(user, id, async (trx, { row }, day) => {
        if (input.published) {
          if (!row.answered_on) throw new AppError(409, 'suggestion_unanswered', 'err.suggestion_unanswered');
          if (row.anonymous === 0 && row.wall_consent !== 1) throw new AppError(409, 'suggestion_no_consent', 'err.suggestion_no_consent');
        }
        const patch = input.published ? { wall_question: input.question!, wall_answer: input.answer!, wall_on: row.wall_on ?? day } : { wall_question: null, wall_answer: null, wall_on: null };
        await suggestionsRepo.update(trx, row.org_id, id, patch);
        return { action: input.published ? 'wall_publish' : 'wall_remove', before: { onWall: row.wall_on !== null }, after: patch };
      });
    },

    /** Links the proposal this suggestion became (or fed into); null unlinks. */
    async linkProposal(user: SessionUser, id: string, proposalId: string | null): Promise<void> {
      await asHandler(user, id, async (trx, { row }) => {
        if (proposalId && !(await suggestionsRepo.proposal(trx, row.org_id, proposalId))) throw Invalid('proposalId', 'err.proposal_not_found');
        await suggestionsRepo.update(trx, row.org_id, id, { proposal_id: proposalId });
        return { action: 'link_proposal', before: { proposalId: row.proposal_id }, after: { proposalId } };
      });
    },
  };
}
