import type { SessionUser } from '../../../common/auth';
import {
  PROPOSAL_STATES,
  type AssignInput,
  type DecisionInput,
  type Proposal,
  type ProposalDecision,
  type ProposalInput,
  type ProposalListItem,
  type ProposalCounts,
  type ProposalListQuery,
  type ProposalPeriod,
  type ProposalRating,
  type ProposalTemplate,
  type ProposalWindow,
  type ReplyInput,
} from '../../../common/proposals';
import type { Db } from '../../db/database';
import { usersRepo } from '../users/users.repo';
import { Forbidden, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { localDate, nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import type { OrgsService } from '../orgs/orgs.service';
import { decideActions } from './proposals.decide';
import { draftActions } from './proposals.draft';
import { compilationDocx, proposalsXlsx } from './proposals.export';
import { handleActions } from './proposals.handle';
import { proposalsRepo, type ProposalFilter } from './proposals.repo';
import { proposalStats } from './proposals.stats';
import { threadRepo } from './proposals.thread.repo';
import { handlingReportDocx } from './proposals.report';
import { isCommittee, load, scopeOf, toDetail, toListItem, windowOpen } from './proposals.view';

type Template = Omit<ProposalTemplate, 'id'>;
type ProposalCountsFilter = Omit<ProposalFilter, 'state' | 'overdue'>;

export function createProposalsService(db: Db, orgs: OrgsService) {
  const draft = draftActions(db, orgs);
  const decide = decideActions(db);
  const handle = handleActions(db, orgs);

  async function get(user: SessionUser, id: string): Promise<Proposal> {
    const { settings } = await orgs.get(user.org.id);
    return toDetail(db, await load(db, user, id), user, { today: localDate(settings.timezone), required: settings.proposalCoSigners });
  }
  /** Waits for an action, then answers with the proposal as the caller now sees it. */
  const after = async (user: SessionUser, id: string, action: Promise<unknown>) => {
    await action;
    return get(user, id);
  };

  async function findTemplate(trx: Db, orgId: string, id: string) {
    const t = await threadRepo.template(trx, orgId, id);
    if (!t) throw NotFound();
    return t;
  }
  const toTemplate = (t: { id: string; kind: string; name: string; body: string }): ProposalTemplate => ({ id: t.id, kind: t.kind as Template['kind'], name: t.name, body: t.body });

  return {
    get,
    /** 404 unless the caller may see the proposal: checked before a request body is even read. */
    assertVisible: async (user: SessionUser, id: string) => void (await load(db, user, id)),

    async list(user: SessionUser, q: ProposalListQuery): Promise<{ items: ProposalListItem[]; total: number }> {
      const d = await orgs.today(user.org.id);
      const { rows, total } = await proposalsRepo.list(db, user.org.id, scopeOf(user), q, d);
      // The committee sees which proposals hold a drafted decision, to publish them together.
      const committee = isCommittee(user);
      return { items: rows.map((r) => (committee ? Object.assign(toListItem(r, d), { pendingDecision: r.draft_decision as ProposalDecision | null }) : toListItem(r, d))), total };
    },

    /** Per-state counts over the caller's proposals (the committee: all), for the list's tabs. */
    async counts(user: SessionUser, f: ProposalCountsFilter): Promise<ProposalCounts> {
      const { byState, overdue } = await proposalsRepo.counts(db, user.org.id, scopeOf(user), f, await orgs.today(user.org.id));
      const counts = Object.fromEntries(PROPOSAL_STATES.map((s) => [s, 0])) as ProposalCounts['byState'];
      for (const r of byState) counts[r.state] = r.n;
      return { total: byState.reduce((sum, r) => sum + r.n, 0), byState: counts, overdue };
    },

    create: async (user: SessionUser, input: ProposalInput) => get(user, await draft.create(user, input)),
    update: (user: SessionUser, id: string, patch: Partial<ProposalInput>) => after(user, id, draft.update(user, id, patch)),
    remove: draft.remove,
    invite: (user: SessionUser, id: string, memberIds: string[]) => after(user, id, draft.invite(user, id, memberIds)),
    respond: (user: SessionUser, id: string, accept: boolean) => after(user, id, draft.respond(user, id, accept)),
    submit: (user: SessionUser, id: string) => after(user, id, draft.submit(user, id)),
    withdraw: (user: SessionUser, id: string) => after(user, id, draft.withdraw(user, id)),

    decideOne: (user: SessionUser, id: string, input: DecisionInput) => after(user, id, decide.decide(user, [id], input)),
    decideMany: (user: SessionUser, ids: string[], input: DecisionInput) => decide.decide(user, ids, input),
    publish: decide.publish,
    addNote: (user: SessionUser, id: string, body: string) => after(user, id, decide.addNote(user, id, body)),

    assign: (user: SessionUser, id: string, input: AssignInput) => after(user, id, handle.assign(user, id, input)),
    reply: (user: SessionUser, id: string, input: ReplyInput) => after(user, id, handle.reply(user, id, input)),
    rate: (user: SessionUser, id: string, rating: ProposalRating, comment?: string) => after(user, id, handle.rate(user, id, rating, comment)),
    message: (user: SessionUser, id: string, body: string) => after(user, id, handle.message(user, id, body)),

    /** 承办 accounts of the school, for the committee's assignment form (who may not read all accounts). */
    async handlers(user: SessionUser) {
      const { rows, total } = await usersRepo.list(db, user.org.id, { role: 'handler', page: 1, pageSize: 200 });
      return { items: rows.filter((r) => r.disabled === 0).map((r) => ({ id: r.id, username: r.username, memberName: r.member_name })), total };
    },
    stats: (user: SessionUser, p: ProposalPeriod) => proposalStats(db, orgs, user.org.id, p),
    xlsx: (user: SessionUser, f: ProposalFilter) => proposalsXlsx(db, orgs, user.org.id, f),
    compilation: (user: SessionUser, p: ProposalPeriod) => compilationDocx(db, orgs, user.org.id, p),
    report: (user: SessionUser, p: ProposalPeriod) => handlingReportDocx(db, orgs, user.org.id, p),

    async windows(user: SessionUser): Promise<{ items: ProposalWindow[]; total: number }> {
      const d = await orgs.today(user.org.id);
      const rows = await threadRepo.windows(db, user.org.id);
      const items = rows.map((w) => ({ sessionId: w.session_id, sessionName: w.session_name, opensOn: w.opens_on, closesOn: w.closes_on, open: windowOpen(w, d) }));
      return { items, total: items.length };
    },
    async setWindow(user: SessionUser, input: { sessionId: string; opensOn: string; closesOn: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const session = await threadRepo.session(trx, user.org.id, input.sessionId);
        if (!session) throw Invalid('sessionId', 'err.proposal_session_not_found');
        const before = await threadRepo.window(trx, user.org.id, input.sessionId);
        const now = nowIso();
        await threadRepo.upsertWindow(trx, { session_id: input.sessionId, org_id: user.org.id, opens_on: input.opensOn, closes_on: input.closesOn, created_at: now, updated_at: now });
        await auditRepo.record(trx, actorOf(user), { action: 'set_window', entity: 'proposal_window', entityId: input.sessionId, label: session.name, before, after: input });
      });
    },

    /** Templates serve the committee's decisions and the handlers' replies; nobody else needs them. */
    async templates(user: SessionUser, kind?: string): Promise<{ items: ProposalTemplate[]; total: number }> {
      if (!isCommittee(user) && !user.permissions.includes('proposals.handle')) throw Forbidden();
      const items = (await threadRepo.templates(db, user.org.id, kind)).map(toTemplate);
      return { items, total: items.length };
    },
    async createTemplate(user: SessionUser, input: Template): Promise<ProposalTemplate> {
      const id = newId();
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        await threadRepo.insertTemplate(trx, { id, org_id: user.org.id, ...input, created_at: now, updated_at: now });
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'proposal_template', entityId: id, label: input.name, after: input });
      });
      return toTemplate({ id, ...input });
    },
    async updateTemplate(user: SessionUser, id: string, patch: Partial<Template>): Promise<ProposalTemplate> {
      await db.transaction().execute(async (trx) => {
        const before = await findTemplate(trx, user.org.id, id);
        await threadRepo.updateTemplate(trx, user.org.id, id, { ...patch, updated_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'proposal_template', entityId: id, label: patch.name ?? before.name, before: toTemplate(before), after: patch });
      });
      return toTemplate(await findTemplate(db, user.org.id, id));
    },
    async removeTemplate(user: SessionUser, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await findTemplate(trx, user.org.id, id);
        await threadRepo.deleteTemplate(trx, user.org.id, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'proposal_template', entityId: id, label: before.name, before: toTemplate(before) });
      });
    },
    templateExists: async (user: SessionUser, id: string) => void (await findTemplate(db, user.org.id, id)),
  };
}
export type ProposalsService = ReturnType<typeof createProposalsService>;
