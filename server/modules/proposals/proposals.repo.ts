import { sql } from 'kysely';
import type { ProposalListQuery, ProposalState } from '../../../common/proposals';
import { compiledQuery, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { ProposalAssistsTable, ProposalsTable } from '../../db/tables';

export type ProposalRow = ProposalsTable & { session_name: string; term_name: string; proposer_name: string; delegation_name: string | null };
export type ProposalFilter = Omit<ProposalListQuery, 'page' | 'pageSize'>;
/** Whose proposals a list may show: the whole organisation (committee) or those a person takes part in. */
export type Scope = { all: true } | { all: false; userId: string; memberId: string | null };

/** The school's proposals; filters and counts need nothing else (every filter is on the proposal itself). */
function ofSchool(db: Db, orgId: string) {
  return db.selectFrom('proposals as p').where('p.org_id', '=', orgId);
}
type Base = ReturnType<typeof ofSchool>;

/** With the names a list shows, every join within the school so that PostgreSQL reads its rows by index (see disclosures.repo). */
const display = (q: Base, orgId: string) =>
  q
    .innerJoin('congress_sessions as s', (j) => j.onRef('s.id', '=', 'p.session_id').on('s.org_id', '=', orgId))
    .innerJoin('congress_terms as tm', (j) => j.onRef('tm.id', '=', 's.term_id').on('tm.org_id', '=', orgId))
    .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'p.proposer_member_id').on('m.org_id', '=', orgId))
    .leftJoin('congress_delegations as d', (j) => j.onRef('d.id', '=', 'p.delegation_id').on('d.org_id', '=', orgId))
    .selectAll('p')
    .select(['s.name as session_name', 'tm.name as term_name', 'm.name as proposer_name', 'd.name as delegation_name']);

// A person's proposals as a UNION of indexed lookups (proposer, handler, 协办, co-signer): an OR of
// these would make both databases read every proposal of the school, all years of it, row by row.
function scoped(db: Db, q: Base, orgId: string, scope: Scope): Base {
  if (scope.all) return q;
  const { userId, memberId } = scope;
  const own = (col: 'proposer_user_id' | 'handler_user_id' | 'proposer_member_id', value: string) =>
    db.selectFrom('proposals').select('id').where('org_id', '=', orgId).where(col, '=', value);
  let ids = own('proposer_user_id', userId)
    .union(own('handler_user_id', userId))
    .union(db.selectFrom('proposal_assists').select('proposal_id as id').where('org_id', '=', orgId).where('user_id', '=', userId));
  if (memberId) {
    ids = ids
      .union(own('proposer_member_id', memberId))
      .union(db.selectFrom('proposal_cosigners').select('proposal_id as id').where('org_id', '=', orgId).where('member_id', '=', memberId));
  }
  return q.where('p.id', 'in', ids);
}

type Period = { sessionId?: string; from?: string; to?: string };

function submittedIn(db: Db, orgId: string, p: Period) {
  let q = db.selectFrom('proposals').where('org_id', '=', orgId).where('submitted_at', 'is not', null);
  if (p.sessionId) q = q.where('session_id', '=', p.sessionId);
  if (p.from) q = q.where('submitted_at', '>=', p.from);
  if (p.to) q = q.where('submitted_at', '<', p.to);
  return q;
}

/**
 * The LIKE pattern for "contains `text`", ignoring case alike on both databases (SQLite's LIKE ignores
 * ASCII case, PostgreSQL's does not: both sides go through lower()), with %, _ and \ taken literally.
 */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const contains = (col: string, pattern: string) => sql<boolean>`lower(${sql.ref(col)}) like ${pattern} escape '\\'`;

/** The list's filters with the search text made into its LIKE pattern (`pattern`, not `q`, is searched). */
type Where = Partial<ProposalFilter> & { pattern?: string };

// Search is a plain LIKE over 案由, 理由 and 建议 within one organisation: enough for a school's few hundred
// proposals a year. A city union's archive would want a full-text index (FTS5 / tsvector with zhparser).
function filtered(db: Db, orgId: string, scope: Scope, f: Where, today: string): Base {
  let q = scoped(db, ofSchool(db, orgId), orgId, scope);
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.sessionId) q = q.where('p.session_id', '=', f.sessionId);
  if (f.proposerId) q = q.where('p.proposer_member_id', '=', f.proposerId);
  if (f.overdue) q = q.where('p.state', '=', 'assigned').where('p.deadline', '<', today);
  if (f.department) {
    const dept = f.department;
    q = q.where((eb) =>
      eb.or([
        eb('p.department', '=', dept),
        eb('p.id', 'in', db.selectFrom('proposal_assists').select('proposal_id').where('org_id', '=', orgId).where('department', '=', dept)),
      ]),
    );
  }
  if (f.pattern) {
    const pattern = f.pattern;
    q = q.where((eb) => eb.or([contains('p.title', pattern), contains('p.reasons', pattern), contains('p.measures', pattern)]));
  }
  return q;
}

/** A list request's values; null where its filter is absent (and `userId` null for the whole school). */
type ListValues = {
  orgId: string; userId: string | null; memberId: string | null; state: string | null; category: string | null; sessionId: string | null;
  proposerId: string | null; department: string | null; pattern: string | null; today: string | null; limit: number; offset: number;
};
/** Which values a request has: the shape of its SQL. `today` present means the overdue filter. */
type ListShape = Record<keyof ListValues, boolean>;
const shapeOf = (p: ListValues) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v !== null])) as ListShape;

function valuesOf(orgId: string, scope: Scope, f: Partial<ProposalFilter>, today: string, page = { limit: 0, offset: 0 }): ListValues {
  return {
    orgId, userId: scope.all ? null : scope.userId, memberId: scope.all ? null : scope.memberId, state: f.state ?? null, category: f.category ?? null,
    sessionId: f.sessionId ?? null, proposerId: f.proposerId ?? null, department: f.department ?? null, pattern: f.q ? likePattern(f.q) : null,
    today: f.overdue ? today : null, ...page,
  };
}

/** `filtered` for a compiled shape: reads only the values the shape has, each as a parameter. */
function filteredAs(db: Db, has: ListShape, p: ListValues): Base {
  const scope: Scope = has.userId ? { all: false, userId: p.userId!, memberId: has.memberId ? p.memberId : null } : { all: true };
  const f: Where = {
    state: has.state ? (p.state as ProposalState) : undefined, category: has.category ? (p.category as ProposalFilter['category']) : undefined,
    sessionId: has.sessionId ? p.sessionId! : undefined, proposerId: has.proposerId ? p.proposerId! : undefined,
    department: has.department ? p.department! : undefined, pattern: has.pattern ? p.pattern! : undefined, overdue: has.today,
  };
  return filtered(db, p.orgId, scope, f, has.today ? p.today! : '');
}

// The list and its tabs' counts on every visit (and the export), compiled once per shape (db/compiled.ts):
// building a delegate's UNION with its joins cost Kysely more than SQLite takes to run it. The page is cut
// from the proposals alone (by proposals_org_updated) and only its rows are joined: joined first, every
// proposal of the school's years was read and sorted for 20 (PostgreSQL, the province's ten years).
const listQueries = perShape(JSON.stringify, (has: ListShape) => ({
  total: compiledQuery((db, p: ListValues) => filteredAs(db, has, p).select((eb) => eb.fn.countAll<number>().as('n'))),
  page: compiledQuery((db, p: ListValues) => {
    const ids = filteredAs(db, has, p).select('p.id').orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(p.limit).offset(p.offset);
    // From the page's ids to the proposals, with no second org_id condition on them (the ids are the school's):
    // with one, PostgreSQL's generic plan took every proposal of the school first.
    return display(db.selectFrom(ids.as('pg')).innerJoin('proposals as p', 'p.id', 'pg.id'), p.orgId).orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc');
  }),
  byState: compiledQuery((db, p: ListValues) => filteredAs(db, has, p).select(['p.state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('p.state')),
  all: compiledQuery((db, p: ListValues) => display(filteredAs(db, has, p), p.orgId).orderBy('p.submitted_at').orderBy('p.id')),
}));

// A proposal's page (and every action on one), compiled once (db/compiled.ts): Kysely's building of
// these joins cost more than SQLite takes to run them.
const findOne = compiledQuery((db, p: { orgId: string; id: string }) => display(ofSchool(db, p.orgId).where('p.id', '=', p.id), p.orgId));
const mergedInto = compiledQuery((db, p: { orgId: string; id: string }) =>
  db.selectFrom('proposals').select(['id', 'title']).where('org_id', '=', p.orgId).where('merged_into_id', '=', p.id).orderBy('id'),
);
const cosignersOf = compiledQuery((db, p: { orgId: string; proposalId: string }) =>
  db
    .selectFrom('proposal_cosigners as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.member_id', 'c.status', 'm.name'])
    .where('c.org_id', '=', p.orgId)
    .where('c.proposal_id', '=', p.proposalId)
    .orderBy('c.invited_at')
    .orderBy('c.member_id'),
);
const assistsOf = compiledQuery((db, p: { orgId: string; proposalId: string }) =>
  db.selectFrom('proposal_assists').selectAll().where('org_id', '=', p.orgId).where('proposal_id', '=', p.proposalId).orderBy('department'),
);

// The figures on every dashboard visit: compiled once per kind of period (a session, a 学年, open-ended).
const countsIn = perShape(
  JSON.stringify,
  (has: { session: boolean; from: boolean; to: boolean }) =>
    compiledQuery((db, p: { orgId: string; sessionId: string | null; from: string | null; to: string | null }) =>
      submittedIn(db, p.orgId, { sessionId: has.session ? p.sessionId! : undefined, from: has.from ? p.from! : undefined, to: has.to ? p.to! : undefined })
        .select(['category', 'department', 'decision', 'state', 'rating', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy(['category', 'department', 'decision', 'state', 'rating']),
    ),
);

export const proposalsRepo = {
  async list(db: Db, orgId: string, scope: Scope, f: ProposalListQuery, today: string): Promise<{ rows: ProposalRow[]; total: number }> {
    const p = valuesOf(orgId, scope, f, today, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    const q = listQueries(shapeOf(p));
    const [{ n }] = await q.total(db, p);
    return { rows: await q.page(db, p), total: Number(n) };
  },

  /** How many proposals the scope holds in each state, and how many are overdue. */
  async counts(db: Db, orgId: string, scope: Scope, f: Omit<ProposalFilter, 'state' | 'overdue'>, today: string) {
    const all = valuesOf(orgId, scope, f, today);
    const overdue = valuesOf(orgId, scope, { ...f, overdue: true }, today);
    const byState = await listQueries(shapeOf(all)).byState(db, all);
    const [late] = await listQueries(shapeOf(overdue)).total(db, overdue);
    return { byState: byState.map((r) => ({ state: r.state as ProposalState, n: Number(r.n) })), overdue: Number(late.n) };
  },

  /** Every matching proposal, oldest submission first, for exports. */
  all(db: Db, orgId: string, f: ProposalFilter, today: string): Promise<ProposalRow[]> {
    const p = valuesOf(orgId, { all: true }, f, today);
    return listQueries(shapeOf(p)).all(db, p);
  },

  find: async (db: Db, orgId: string, id: string): Promise<ProposalRow | undefined> => (await findOne(db, { orgId, id }))[0],

  byIds: (db: Db, orgId: string, ids: string[]): Promise<ProposalRow[]> =>
    ids.length === 0 ? Promise.resolve([]) : display(ofSchool(db, orgId).where('p.id', 'in', ids), orgId).orderBy('p.id').execute(),

  /** Submitted proposals holding an unpublished decision (all of the org, or among `ids`). */
  withDraftDecision: (db: Db, orgId: string, ids?: string[]): Promise<ProposalRow[]> => {
    let q = ofSchool(db, orgId).where('p.state', '=', 'submitted').where('p.draft_decision', 'is not', null);
    if (ids) q = q.where('p.id', 'in', ids);
    return display(q, orgId).orderBy('p.id').execute();
  },

  mergedFrom: (db: Db, orgId: string, id: string) => mergedInto(db, { orgId, id }),

  /** Submitted proposals of one session, or submitted within [from, to), for the reports. */
  forPeriod: (db: Db, orgId: string, p: Period) => submittedIn(db, orgId, p).selectAll().execute(),

  /** The same proposals counted by what the figures tell apart, so the dashboard never reads their texts. */
  countsForPeriod: async (db: Db, orgId: string, p: Period) => {
    const rows = await countsIn({ session: !!p.sessionId, from: !!p.from, to: !!p.to })(db, { orgId, sessionId: p.sessionId ?? null, from: p.from ?? null, to: p.to ?? null });
    return rows.map((r) => Object.assign(r, { n: Number(r.n) }));
  },

  insert: (db: Db, row: ProposalsTable) => db.insertInto('proposals').values(row).execute(),

  /** draft → submitted, only if still a draft (false when a concurrent submission got there first). */
  /**
   * Back to draft, before the committee has decided: its 提案编号 stays reserved for the resubmission, a
   * drafted decision is dropped, and co-signers must confirm again (the text may change).
   */
  async markWithdrawn(db: Db, orgId: string, id: string, at: string): Promise<boolean> {
    const done = await db
      .updateTable('proposals')
      .set({ state: 'draft', single_subject: 0, submitted_at: null, draft_decision: null, updated_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('state', '=', 'submitted')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    await db.updateTable('proposal_cosigners').set({ status: 'invited', responded_at: null }).where('org_id', '=', orgId).where('proposal_id', '=', id).where('status', '=', 'accepted').execute();
    return true;
  },

  async markSubmitted(db: Db, orgId: string, id: string, at: string): Promise<boolean> {
    const done = await db
      .updateTable('proposals')
      .set({ state: 'submitted', single_subject: 1, submitted_at: at, updated_at: at })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  },

  update: (db: Db, orgId: string, id: string, patch: Partial<ProposalsTable>) =>
    db.updateTable('proposals').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Deletes a draft with its invitations and history (a draft has no other dependants). */
  async removeDraft(db: Db, orgId: string, id: string): Promise<void> {
    await db.deleteFrom('proposal_cosigners').where('org_id', '=', orgId).where('proposal_id', '=', id).execute();
    await db.deleteFrom('proposal_events').where('org_id', '=', orgId).where('proposal_id', '=', id).execute();
    await db.deleteFrom('proposals').where('org_id', '=', orgId).where('id', '=', id).where('state', '=', 'draft').execute();
  },

  cosigners: (db: Db, orgId: string, proposalId: string) => cosignersOf(db, { orgId, proposalId }),

  async invite(db: Db, orgId: string, proposalId: string, memberIds: string[], at: string): Promise<void> {
    for (const memberId of memberIds) {
      const done = await db
        .updateTable('proposal_cosigners')
        .set({ status: 'invited', invited_at: at, responded_at: null })
        .where('proposal_id', '=', proposalId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) {
        await db.insertInto('proposal_cosigners').values({ org_id: orgId, proposal_id: proposalId, member_id: memberId, status: 'invited', invited_at: at, responded_at: null }).execute();
      }
    }
  },

  respond: (db: Db, orgId: string, proposalId: string, memberId: string, status: 'accepted' | 'declined', at: string) =>
    db.updateTable('proposal_cosigners').set({ status, responded_at: at }).where('org_id', '=', orgId).where('proposal_id', '=', proposalId).where('member_id', '=', memberId).execute(),

  assists: (db: Db, orgId: string, proposalId: string) => assistsOf(db, { orgId, proposalId }),

  async replaceAssists(db: Db, orgId: string, proposalId: string, rows: ProposalAssistsTable[]): Promise<void> {
    await db.deleteFrom('proposal_assists').where('org_id', '=', orgId).where('proposal_id', '=', proposalId).execute();
    if (rows.length) await db.insertInto('proposal_assists').values(rows).execute();
  },
};
