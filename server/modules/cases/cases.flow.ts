import type { SessionUser } from '../../../common/auth';
import { CASE_OUTCOME_LABELS, OPEN_CASE_STATES, type CaseExplainInput, type CaseForwardInput, type CaseInput, type CaseState } from '../../../common/cases';
import { permissionsOf, type Role } from '../../../common/permissions';
import type { Db } from '../../db/database';
import type { CasesTable } from '../../db/tables';
import { Conflict, Forbidden, Invalid } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { departmentsRepo } from '../departments/departments.repo';
import { notify } from '../notifications/notifications.service';
import { notice, openCase, recordEvent, tellMember, todayOf, unionIds } from './cases.intake';
import { casesRepo } from './cases.repo';
import { expectState, load, type Loaded } from './cases.view';

// The steps of a case. Each runs in one transaction: the state change, its timeline event, the audit
// row and the notices commit together. Who may take a step: the member (add information, confirm and
// rate, say "not resolved" once), the union's case handlers (take up, forward, explain, close an
// anonymous one), the department handler it was forwarded to (respond).

type Who = keyof Loaded['is'];
const NOT_YOURS: Record<Who, Parameters<typeof Forbidden>[0]> = { member: 'err.case_not_member', manager: 'err.forbidden', handler: 'err.case_not_handler' };

interface Step {
  action: string;
  patch: Partial<CasesTable>;
}

export function flowActions(db: Db) {
  /** Loads the case for `who`, checks its state, applies the patch and audits it; `after` adds events and notices. */
  async function step(user: SessionUser, id: string, who: Who, states: readonly CaseState[], make: (trx: Db, l: Loaded, today: string) => Promise<Step> | Step, after: (trx: Db, l: Loaded, today: string) => Promise<void>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const l = await load(trx, user, id);
      if (!l.is[who]) throw Forbidden(NOT_YOURS[who]);
      expectState(l.row, states);
      const today = todayOf(user);
      const { action, patch } = await make(trx, l, today);
      await casesRepo.update(trx, l.row.org_id, id, { ...patch, updated_at: nowIso() });
      await auditRepo.record(trx, actorOf(user), { action, entity: 'case', entityId: id, label: l.row.title, before: { state: l.row.state }, after: patch });
      await after(trx, l, today);
    });
  }
  const actor = actorOf;

  return {
    /** A member raises a case; their account must be linked to their member record. */
    async submit(user: SessionUser, input: CaseInput): Promise<string> {
      if (!user.memberId) throw Forbidden('err.case_no_member');
      const memberId = user.memberId;
      return db.transaction().execute((trx) => openCase(trx, user, { ...input, memberId, source: null }));
    },

    /** The member adds information at any time until the case is closed; the union (and the handler, if forwarded) hear of it. */
    addInfo: (user: SessionUser, id: string, body: string) =>
      step(user, id, 'member', OPEN_CASE_STATES.concat('explained'), () => ({ action: 'add_info', patch: {} }), async (trx, { row }) => {
        await recordEvent(trx, actor(user), row, 'info', body);
        const to = [...(await unionIds(trx, row.org_id)), ...(row.state === 'forwarded' ? [row.handler_user_id] : [])];
        await notify(trx, row.org_id, to, notice(row, '诉求人补充了情况', body));
      }),

    triage: (user: SessionUser, id: string, input: { category?: CaseInput['category']; note?: string }) =>
      step(user, id, 'manager', ['submitted'], (_, { row }) => ({ action: 'take_up', patch: { state: 'triaged', category: input.category ?? row.category } }), async (trx, { row }) => {
        await recordEvent(trx, actor(user), row, 'triaged', input.note ?? null, input.category && input.category !== row.category ? { category: input.category } : {});
        await tellMember(trx, row, '工会已受理您的诉求');
      }),

    /** To one handler of a department, with a deadline; again after a response if more is needed. */
    forward: (user: SessionUser, id: string, input: CaseForwardInput) =>
      step(
        user,
        id,
        'manager',
        ['triaged', 'forwarded', 'responded'],
        async (trx, { row }, today) => {
          const department = await departmentsRepo.findActive(trx, row.org_id, input.departmentId);
          if (!department) throw Invalid('departmentId', 'err.case_department');
          const account = await casesRepo.account(trx, row.org_id, input.handlerUserId);
          const handlers = await departmentsRepo.handlerIds(trx, row.org_id, input.departmentId);
          if (!account || !handlers.includes(account.id) || !permissionsOf(JSON.parse(account.roles) as Role[]).includes('cases.respond')) throw Invalid('handlerUserId', 'err.case_handler_invalid');
          if (input.deadline < today) throw Invalid('deadline', 'err.case_deadline_past');
          return { action: 'forward', patch: { state: 'forwarded', department_id: input.departmentId, handler_user_id: input.handlerUserId, deadline: input.deadline, forwarded_on: today, response: null, responded_on: null } };
        },
        async (trx, { row }) => {
          const now = (await casesRepo.find(trx, row.org_id, id))!;
          await recordEvent(trx, actor(user), row, 'forwarded', input.note ?? null, { department: now.department_name ?? '', handler: now.handler_name ?? '', deadline: input.deadline });
          await notify(trx, row.org_id, [input.handlerUserId], notice(row, `工会转来一件权益诉求，请于 ${input.deadline} 前答复`, input.note));
          await tellMember(trx, row, `您的诉求已转交${now.department_name}办理，期限 ${input.deadline}`);
        },
      ),

    respond: (user: SessionUser, id: string, body: string) =>
      step(user, id, 'handler', ['forwarded'], (_, __, today) => ({ action: 'respond', patch: { state: 'responded', response: body, responded_on: today } }), async (trx, { row }) => {
        await recordEvent(trx, actor(user), row, 'responded', body, { department: row.department_name ?? '' });
        await notify(trx, row.org_id, await unionIds(trx, row.org_id), notice(row, `${row.department_name ?? '承办部门'}答复了权益诉求`, body));
        await tellMember(trx, row, '承办部门已答复，工会将向您说明结果');
      }),

    /** Required before the member can confirm — also when nothing can be done now; possible at any open step. */
    explain: (user: SessionUser, id: string, input: CaseExplainInput) =>
      step(user, id, 'manager', OPEN_CASE_STATES, (_, __, today) => ({ action: 'explain', patch: { state: 'explained', outcome: input.outcome, explanation: input.body, explained_on: today } }), async (trx, { row }) => {
        await recordEvent(trx, actor(user), row, 'explained', input.body, { outcome: input.outcome });
        await tellMember(trx, row, `工会已答复您的诉求（${CASE_OUTCOME_LABELS[input.outcome].zh}），请确认并评价`, input.body);
      }),

    confirm: (user: SessionUser, id: string, input: { rating: number; comment?: string }) =>
      step(user, id, 'member', ['explained'], (_, __, today) => ({ action: 'confirm', patch: { state: 'closed', closed_on: today, rating: input.rating, rating_comment: input.comment ?? null } }), async (trx, { row }) => {
        await recordEvent(trx, actor(user), row, 'closed', input.comment ?? null, { rating: input.rating });
        await notify(trx, row.org_id, await unionIds(trx, row.org_id), notice(row, `诉求人确认办结，评分 ${input.rating}`));
      }),

    /** Once per case: back to the union (taken up again), the explanation kept on the timeline only. */
    notResolved: (user: SessionUser, id: string, reason: string) =>
      step(
        user,
        id,
        'member',
        ['explained'],
        (_, { row }) => {
          if (row.reopened === 1) throw Conflict('case_reopened_once', 'err.case_reopened_once');
          return { action: 'not_resolved', patch: { state: 'triaged', reopened: 1, outcome: null, explanation: null, explained_on: null } };
        },
        async (trx, { row }) => {
          await recordEvent(trx, actor(user), row, 'not_resolved', reason);
          await notify(trx, row.org_id, await unionIds(trx, row.org_id), notice(row, '诉求人表示问题未解决', reason));
        },
      ),

    /** A case from an anonymous source has nobody to confirm it: the union closes it after explaining. */
    close: (user: SessionUser, id: string) =>
      step(
        user,
        id,
        'manager',
        ['explained'],
        (_, { row }, today) => {
          if (row.member_id) throw Conflict('case_has_member', 'err.case_has_member');
          return { action: 'close', patch: { state: 'closed', closed_on: today } };
        },
        async (trx, { row }) => void (await recordEvent(trx, actor(user), row, 'closed')),
      ),
  };
}
