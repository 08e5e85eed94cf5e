import { compiledQuery } from '../../db/compiled';
import type { Db, Dialect } from '../../db/database';
import type { CongressBallotsTable, CongressVotesTable } from '../../db/tables';

// Every ballot finds its vote, and a delegate's phone asks for the session's votes and its roll every few
// seconds: compiled once (db/compiled.ts).
const voteById = compiledQuery((db, p: { orgId: string; id: string }) => db.selectFrom('congress_votes').selectAll().where('org_id', '=', p.orgId).where('id', '=', p.id));
const votesOf = compiledQuery((db, p: { orgId: string; sessionId: string }) =>
  db.selectFrom('congress_votes').selectAll().where('org_id', '=', p.orgId).where('session_id', '=', p.sessionId).orderBy('created_at'),
);
const rollOfMember = compiledQuery((db, p: { orgId: string; sessionId: string; memberId: string }) =>
  db
    .selectFrom('congress_voters as r')
    .innerJoin('congress_votes as v', 'v.id', 'r.vote_id')
    .select(['r.vote_id', 'r.voted'])
    .where('v.org_id', '=', p.orgId)
    .where('v.session_id', '=', p.sessionId)
    .where('r.member_id', '=', p.memberId),
);
// A session's candidates and its open votes' counts, for the same phones: by the session, not by a list of
// vote ids, so that the SQL is one text, compiled once.
const candidatesOfSession = compiledQuery((db, p: { orgId: string; sessionId: string }) =>
  db
    .selectFrom('congress_vote_candidates as c')
    .innerJoin('congress_votes as v', 'v.id', 'c.vote_id')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.vote_id', 'c.member_id', 'm.name'])
    .where('v.org_id', '=', p.orgId)
    .where('v.session_id', '=', p.sessionId)
    .orderBy('c.vote_id')
    .orderBy('c.position'),
);
const openCountsOfSession = compiledQuery((db, p: { orgId: string; sessionId: string }) =>
  db
    .selectFrom('congress_voters as r')
    .innerJoin('congress_votes as v', 'v.id', 'r.vote_id')
    .select((eb) => ['r.vote_id', eb.fn.countAll<number>().as('eligible'), eb.fn.sum<number>('r.voted').as('cast')])
    .where('v.org_id', '=', p.orgId)
    .where('v.session_id', '=', p.sessionId)
    .where('v.status', '=', 'open')
    .groupBy('r.vote_id'),
);
const countsBy = (rows: { vote_id: string; eligible: number | string; cast: number | string | null }[]) =>
  new Map(rows.map((r) => [r.vote_id, { eligible: Number(r.eligible), cast: Number(r.cast ?? 0) }]));

export const votesRepo = {
  insert: (db: Db, row: CongressVotesTable) => db.insertInto('congress_votes').values(row).execute(),
  insertCandidates: async (db: Db, voteId: string, memberIds: string[]) => {
    if (memberIds.length) await db.insertInto('congress_vote_candidates').values(memberIds.map((member_id, position) => ({ vote_id: voteId, member_id, position }))).execute();
  },
  find: async (db: Db, orgId: string, id: string) => (await voteById(db, { orgId, id }))[0],
  listForSession: (db: Db, orgId: string, sessionId: string) => votesOf(db, { orgId, sessionId }),
  /** The candidates of several votes in one query (a session's list), in ballot order. */
  candidatesOf: (db: Db, voteIds: string[]) =>
    voteIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('congress_vote_candidates as c')
          .innerJoin('members as m', 'm.id', 'c.member_id')
          .select(['c.vote_id', 'c.member_id', 'm.name'])
          .where('c.vote_id', 'in', voteIds)
          .orderBy('c.vote_id')
          .orderBy('c.position')
          .execute(),
  /** Changes a vote only while it is a draft: false when it has been opened meanwhile. */
  updateDraft: async (db: Db, orgId: string, id: string, patch: Partial<CongressVotesTable>) =>
    Number((await db.updateTable('congress_votes').set(patch).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst()).numUpdatedRows) === 1,
  deleteCandidates: (db: Db, voteId: string) => db.deleteFrom('congress_vote_candidates').where('vote_id', '=', voteId).execute(),
  /** Deletes a draft vote, candidates first; false when it has been opened meanwhile (run it in a transaction, which the caller then rolls back). */
  deleteDraft: async (db: Db, orgId: string, id: string) => {
    await db.deleteFrom('congress_vote_candidates').where('vote_id', '=', id).execute();
    return Number((await db.deleteFrom('congress_votes').where('org_id', '=', orgId).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst()).numDeletedRows) === 1;
  },
  /** open → closed, once: false when it was not open (closed meanwhile). */
  markClosed: async (db: Db, orgId: string, id: string, at: string) =>
    Number((await db.updateTable('congress_votes').set({ status: 'closed', closed_at: at, updated_at: at }).where('org_id', '=', orgId).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()).numUpdatedRows) === 1,
  update: (db: Db, orgId: string, id: string, patch: Partial<CongressVotesTable>) =>
    db.updateTable('congress_votes').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Opening snapshots who may vote: the delegates present at that moment. */
  insertVoters: async (db: Db, voteId: string, memberIds: string[]) => {
    for (let i = 0; i < memberIds.length; i += 500) {
      await db.insertInto('congress_voters').values(memberIds.slice(i, i + 500).map((member_id) => ({ vote_id: voteId, member_id, voted: 0 }))).execute();
    }
  },
  /**
   * Marks these voters as having voted, each only if they had not, and answers those whose row changed
   * now. The guard is in the UPDATE itself, so two ballots arriving at once cannot both pass on either database.
   */
  markAllVoted: async (db: Db, voteId: string, memberIds: string[]) => {
    const rows = await db.updateTable('congress_voters').set({ voted: 1 }).where('vote_id', '=', voteId).where('member_id', 'in', memberIds).where('voted', '=', 0).returning('member_id').execute();
    return new Set(rows.map((r) => r.member_id));
  },
  /** Which of these members are on the vote's roll (voted or not). */
  onRoll: async (db: Db, voteId: string, memberIds: string[]) =>
    new Set((await db.selectFrom('congress_voters').select('member_id').where('vote_id', '=', voteId).where('member_id', 'in', memberIds).execute()).map((r) => r.member_id)),
  insertBallots: async (db: Db, rows: CongressBallotsTable[]) => {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('congress_ballots').values(rows.slice(i, i + 500)).execute();
  },
  /**
   * Which of these votes are open, read inside the ballots' transaction. On PostgreSQL the rows are
   * share-locked, so a close (which updates the row) waits for these ballots, and they for it.
   */
  openAmong: async (db: Db, voteIds: string[], dialect: Dialect) => {
    let q = db.selectFrom('congress_votes').select('id').where('id', 'in', voteIds).where('status', '=', 'open');
    if (dialect === 'postgres') q = q.forShare();
    return new Set((await q.execute()).map((r) => r.id));
  },
  /** Roll sizes and ballots cast of several votes in one query (votes without a roll are absent). */
  countsOf: async (db: Db, voteIds: string[]) => {
    if (voteIds.length === 0) return new Map<string, { eligible: number; cast: number }>();
    const rows = await db
      .selectFrom('congress_voters')
      .select((eb) => ['vote_id', eb.fn.countAll<number>().as('eligible'), eb.fn.sum<number>('voted').as('cast')])
      .where('vote_id', 'in', voteIds)
      .groupBy('vote_id')
      .execute();
    return countsBy(rows);
  },
  /** As candidatesOf and countsOf for every vote of a session (its open ones counted). */
  candidatesOfSession: (db: Db, orgId: string, sessionId: string) => candidatesOfSession(db, { orgId, sessionId }),
  openCountsOfSession: async (db: Db, orgId: string, sessionId: string) => countsBy(await openCountsOfSession(db, { orgId, sessionId })),
  /** For a delegate's phone: the votes of a session they are on the roll of, and whether they voted. */
  rollOf: (db: Db, orgId: string, sessionId: string, memberId: string) => rollOfMember(db, { orgId, sessionId, memberId }),
  ballots: (db: Db, voteId: string) => db.selectFrom('congress_ballots').select(['choice', 'voter_member_id']).where('vote_id', '=', voteId).execute(),

  /**
   * After a secret vote closes, rewrite its ballots and voter rows in one statement each, so that no
   * row keeps a trace of the order or the transaction it came from (PostgreSQL's xmin would otherwise
   * pair a ballot with the voter row updated in the same transaction).
   */
  async scrubSecret(db: Db, voteId: string): Promise<void> {
    const ballots = await db.selectFrom('congress_ballots').selectAll().where('vote_id', '=', voteId).orderBy('id').execute();
    const voters = await db.selectFrom('congress_voters').selectAll().where('vote_id', '=', voteId).orderBy('member_id').execute();
    await db.deleteFrom('congress_ballots').where('vote_id', '=', voteId).execute();
    await db.deleteFrom('congress_voters').where('vote_id', '=', voteId).execute();
    for (let i = 0; i < ballots.length; i += 500) await db.insertInto('congress_ballots').values(ballots.slice(i, i + 500)).execute();
    for (let i = 0; i < voters.length; i += 500) await db.insertInto('congress_voters').values(voters.slice(i, i + 500)).execute();
  },

};
