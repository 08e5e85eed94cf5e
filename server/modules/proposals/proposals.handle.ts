import type { SessionUser } from '../../../common/auth';
import { permissionsOf, type Role } from '../../../common/permissions';
import { PROPOSAL_MAX_REOPENS, PROPOSAL_RATING_LABELS, REPLY_CLASS_LABELS, type AssignInput, type ProposalRating, type ReplyInput } from '../../../common/proposals';
import type { Db } from '../../db/database';
import { Forbidden, Invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, actorOf } from '../audit/audit.repo';
import { notify } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { proposalsRepo } from './proposals.repo';
import { threadRepo } from './proposals.thread.repo';
import { recordEvent } from './proposals.events';
import { concerned, expectState, linkOf, load, named } from './proposals.view';

// 交办 → 答复 → 评价: the committee assigns a 主办 (and 协办) with a deadline, the 主办's handler replies
// with a class, the proposer rates; 不满意 reopens the proposal once for a second reply.

export function handleActions(db: Db, orgs: OrgsService) {
  /** Handler accounts must be active accounts of the school that may answer proposals. Returns each one's name. */
  async function expectHandlers(trx: Db, orgId: string, userIds: string[]): Promise<Map<string, string>> {
    const users = await threadRepo.users(trx, orgId, userIds);
    const names = new Map<string, string>();
    for (const id of userIds) {
      const u = users.find((x) => x.id === id);
      if (!u || u.disabled || !permissionsOf(JSON.parse(u.roles) as Role[]).includes('proposals.handle')) throw Invalid('handlerUserId', 'err.proposal_handler_invalid');
      names.set(id, u.member_name ?? u.username);
    }
    return names;
  }

  return {
    /** 交办, or a new assignment before the 主办 has replied. */
    async assign(user: SessionUser, id: string, input: AssignInput): Promise<void> {
      const orgId = user.org.id;
      const today = await orgs.today(orgId);
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        expectState(l.row, ['accepted', 'assigned']);
        if (input.deadline < today) throw Invalid('deadline', 'err.proposal_deadline_past');
        const assists = (input.assists ?? []).filter((a) => a.handlerUserId !== input.handlerUserId);
        const names = await expectHandlers(trx, orgId, [input.handlerUserId, ...assists.map((a) => a.handlerUserId)]);
        const rows = [...new Map(assists.map((a) => [a.handlerUserId, { org_id: orgId, proposal_id: id, user_id: a.handlerUserId, department: a.department }])).values()];
        // The same assignment sent again (a double click) changes nothing and tells nobody.
        const key = (dept: string | null, handler: string | null, deadline: string | null, list: { user_id: string; department: string }[]) =>
          JSON.stringify([dept, handler, deadline, list.map((a) => [a.user_id, a.department]).sort()]);
        if (l.row.state === 'assigned' && key(l.row.department, l.row.handler_user_id, l.row.deadline, l.assists) === key(input.department, input.handlerUserId, input.deadline, rows)) return;
        const now = nowIso();
        await proposalsRepo.update(trx, orgId, id, { state: 'assigned', department: input.department, handler_user_id: input.handlerUserId, deadline: input.deadline, assigned_at: now, updated_at: now });
        await proposalsRepo.replaceAssists(trx, orgId, id, rows);
        await auditRepo.record(trx, actorOf(user), { action: 'assign', entity: 'proposal', entityId: id, label: l.row.title, before: { state: l.row.state, department: l.row.department }, after: { state: 'assigned', ...input } });
        await recordEvent(trx, user, l.row, 'assigned', {
          department: input.department,
          handlerName: names.get(input.handlerUserId),
          assists: rows.map((r) => ({ department: r.department, handlerName: names.get(r.user_id) ?? '' })),
          deadline: input.deadline,
        });
        const assigned = { ...l, row: { ...l.row, handler_user_id: input.handlerUserId }, assists: rows };
        const body = `${named(l.row)}已交办${input.department}主办${rows.length ? `，${rows.map((r) => r.department).join('、')}协办` : ''}，办理期限 ${input.deadline}`;
        await notify(trx, orgId, await concerned(trx, assigned, { proposer: true, cosigners: true, handlers: true }, user.id), { kind: 'proposal.assigned', title: '提案已交办', body, link: linkOf(id) });
      });
    },

    /** The 主办's answer. The second round follows a 不满意 rating. */
    async reply(user: SessionUser, id: string, input: ReplyInput): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.lead) throw Forbidden('err.proposal_not_handler');
        expectState(l.row, ['assigned']);
        const now = nowIso();
        const round = l.row.reopened + 1;
        await threadRepo.insertReply(trx, {
          id: newId(), org_id: orgId, proposal_id: id, round, class: input.class, content: input.content,
          planned_date: input.class === 'B' ? input.plannedDate! : null, explanation: input.explanation || null,
          user_id: user.id, author_name: user.displayName, created_at: now, rating: null, rating_comment: null, rated_at: null,
        });
        await proposalsRepo.update(trx, orgId, id, { state: 'replied', updated_at: now });
        await auditRepo.record(trx, actorOf(user), { action: 'reply', entity: 'proposal', entityId: id, label: l.row.title, before: { state: 'assigned' }, after: { state: 'replied', round, class: input.class } });
        await recordEvent(trx, user, l.row, 'replied', { round, replyClass: input.class });
        await notify(trx, orgId, await concerned(trx, l, { proposer: true, cosigners: true, handlers: true, committee: true }, user.id), {
          kind: 'proposal.replied',
          title: '提案已答复',
          body: `${named(l.row)}已答复（${REPLY_CLASS_LABELS[input.class].zh}），请评价办理结果`,
          link: linkOf(id),
        });
      });
    },

    async rate(user: SessionUser, id: string, rating: ProposalRating, comment?: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        if (!l.is.proposer) throw Forbidden('err.proposal_not_proposer');
        expectState(l.row, ['replied']);
        const now = nowIso();
        const replies = await threadRepo.replies(trx, orgId, id);
        await threadRepo.rateReply(trx, orgId, replies[replies.length - 1].id, { rating, rating_comment: comment || null, rated_at: now });
        const reopen = rating === 'unsatisfied' && l.row.reopened < PROPOSAL_MAX_REOPENS;
        // A reopened proposal keeps no final rating until its second reply is rated.
        await proposalsRepo.update(
          trx, orgId, id,
          reopen ? { state: 'assigned', reopened: l.row.reopened + 1, updated_at: now } : { state: 'closed', rating, closed_at: now, updated_at: now },
        );
        const state = reopen ? 'assigned' : 'closed';
        await auditRepo.record(trx, actorOf(user), { action: 'rate', entity: 'proposal', entityId: id, label: l.row.title, before: { state: 'replied' }, after: { state, rating } });
        await recordEvent(trx, user, l.row, 'rated', { round: replies.length, rating });
        if (reopen) await recordEvent(trx, user, l.row, 'reopened');
        const label = PROPOSAL_RATING_LABELS[rating].zh;
        await notify(trx, orgId, await concerned(trx, l, { handlers: true, committee: true }, user.id), {
          kind: reopen ? 'proposal.reopened' : 'proposal.closed',
          title: reopen ? '提案需重新办理' : '提案已办结',
          body: `提案人对${named(l.row)}的答复评价为“${label}”，${reopen ? '请重新办理并再次答复' : '提案办结'}`,
          link: linkOf(id),
        });
      });
    },

    /** Messages between the proposer and the handlers (the committee may join) while the proposal is in hand. */
    async message(user: SessionUser, id: string, body: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const l = await load(trx, user, id);
        const handler = l.is.lead || l.is.assist;
        if (!l.is.proposer && !handler && !l.is.committee) throw Forbidden('err.proposal_not_participant');
        expectState(l.row, ['assigned', 'replied']);
        const postId = newId();
        await threadRepo.insertPost(trx, { id: postId, org_id: orgId, proposal_id: id, kind: 'message', user_id: user.id, author_name: user.displayName, body, created_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'message', entity: 'proposal', entityId: id, label: l.row.title, after: { messageId: postId } });
        const to = await concerned(trx, l, l.is.proposer ? { handlers: true } : { proposer: true, handlers: true }, user.id);
        await notify(trx, orgId, to, { kind: 'proposal.message', title: '提案有新留言', body: `${user.displayName}：${body.slice(0, 60)}`, link: linkOf(id) });
      });
    },
  };
}
