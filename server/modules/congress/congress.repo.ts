import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type {
  CongressAgendaItemsTable,
  CongressDelegatesTable,
  CongressDelegationsTable,
  CongressGuestsTable,
  CongressSessionRequestsTable,
  CongressSessionsTable,
  CongressTermsTable,
} from '../../db/tables';

const count = (n: { n: number | string } | undefined) => Number(n?.n ?? 0);

// What a delegate's phone asks every few seconds in the hall (and every ballot checks): compiled once
// (db/compiled.ts), as Kysely's building of them cost more than SQLite takes to run them.
const sessionById = compiledQuery((db, p: { orgId: string; id: string }) => db.selectFrom('congress_sessions').selectAll().where('org_id', '=', p.orgId).where('id', '=', p.id));
const delegateOf = compiledQuery((db, p: { orgId: string; termId: string; memberId: string }) =>
  db.selectFrom('congress_delegates').selectAll().where('org_id', '=', p.orgId).where('term_id', '=', p.termId).where('member_id', '=', p.memberId),
);
const agendaOf = compiledQuery((db, p: { orgId: string; sessionId: string }) =>
  db.selectFrom('congress_agenda_items').selectAll().where('org_id', '=', p.orgId).where('session_id', '=', p.sessionId).orderBy('position'),
);
const attendanceOfMember = compiledQuery((db, p: { orgId: string; sessionId: string; memberId: string }) =>
  db.selectFrom('congress_attendance').select('status').where('org_id', '=', p.orgId).where('session_id', '=', p.sessionId).where('member_id', '=', p.memberId),
);

// Terms, delegations, delegates, sessions, agenda, guests and attendance. Every query takes orgId.
export const congressRepo = {
  insertTerm: (db: Db, row: CongressTermsTable) => db.insertInto('congress_terms').values(row).execute(),
  findTerm: (db: Db, orgId: string, id: string) =>
    db.selectFrom('congress_terms').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  listTerms: (db: Db, orgId: string) => db.selectFrom('congress_terms').selectAll().where('org_id', '=', orgId).orderBy('start_date', 'desc').execute(),
  updateTerm: (db: Db, orgId: string, id: string, patch: Partial<Pick<CongressTermsTable, 'name' | 'start_date' | 'end_date' | 'updated_at'>>) =>
    db.updateTable('congress_terms').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  /** A term with nothing recorded: its delegates and 代表团 go with it (its sessions are purged first). */
  async deleteTerm(db: Db, orgId: string, id: string) {
    await db.deleteFrom('congress_delegates').where('org_id', '=', orgId).where('term_id', '=', id).execute();
    await db.deleteFrom('congress_delegations').where('org_id', '=', orgId).where('term_id', '=', id).execute();
    await db.deleteFrom('congress_terms').where('org_id', '=', orgId).where('id', '=', id).execute();
  },
  requestCount: async (db: Db, orgId: string, termId: string) =>
    count(await db.selectFrom('congress_session_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('term_id', '=', termId).executeTakeFirst()),

  findDelegationByName: (db: Db, termId: string, name: string) =>
    db.selectFrom('congress_delegations').selectAll().where('term_id', '=', termId).where('name', '=', name).executeTakeFirst(),
  insertDelegation: (db: Db, row: CongressDelegationsTable) => db.insertInto('congress_delegations').values(row).execute(),
  setDelegationHead: (db: Db, orgId: string, id: string, memberId: string | null) =>
    db.updateTable('congress_delegations').set({ head_member_id: memberId }).where('org_id', '=', orgId).where('id', '=', id).execute(),
  listDelegations: (db: Db, orgId: string, termId: string) =>
    db
      .selectFrom('congress_delegations as d')
      .leftJoin('members as h', 'h.id', 'd.head_member_id')
      .select(['d.id', 'd.name', 'd.head_member_id', 'h.name as head_name'])
      .where('d.org_id', '=', orgId)
      .where('d.term_id', '=', termId)
      .orderBy('d.name')
      .execute(),

  insertDelegate: (db: Db, row: CongressDelegatesTable) => db.insertInto('congress_delegates').values(row).execute(),
  findDelegate: async (db: Db, orgId: string, termId: string, memberId: string) => (await delegateOf(db, { orgId, termId, memberId }))[0],
  removeDelegate: (db: Db, orgId: string, termId: string, memberId: string) =>
    db.deleteFrom('congress_delegates').where('org_id', '=', orgId).where('term_id', '=', termId).where('member_id', '=', memberId).execute(),
  listDelegates: (db: Db, orgId: string, termId: string) =>
    db
      .selectFrom('congress_delegates as cd')
      .innerJoin('members as m', 'm.id', 'cd.member_id')
      .leftJoin('congress_delegations as dl', 'dl.id', 'cd.delegation_id')
      .select(['cd.member_id', 'cd.is_leader', 'm.name', 'm.employee_no', 'm.staff_category', 'm.department', 'dl.id as delegation_id', 'dl.name as delegation_name'])
      .where('cd.org_id', '=', orgId)
      .where('cd.term_id', '=', termId)
      .orderBy('m.name_pinyin')
      .execute(),
  delegateCount: async (db: Db, orgId: string, termId: string) =>
    count(await db.selectFrom('congress_delegates').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('term_id', '=', termId).executeTakeFirst()),

  insertRequest: (db: Db, row: CongressSessionRequestsTable) => db.insertInto('congress_session_requests').values(row).execute(),
  findRequest: (db: Db, orgId: string, id: string) =>
    db.selectFrom('congress_session_requests').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  listRequests: (db: Db, orgId: string, termId: string) =>
    db
      .selectFrom('congress_session_requests as r')
      .select((eb) => [
        'r.id', 'r.reason', 'r.created_at', 'r.notified_at', 'r.created_by',
        eb.selectFrom('congress_session_request_signers as s').whereRef('s.request_id', '=', 'r.id').select((e) => e.fn.countAll<number>().as('n')).as('signers'),
      ])
      .where('r.org_id', '=', orgId)
      .where('r.term_id', '=', termId)
      .orderBy('r.created_at', 'desc')
      .execute(),
  /** Adds a signature once; returns whether it was new. */
  addSigner: async (db: Db, requestId: string, memberId: string, at: string) => {
    const r = await db.insertInto('congress_session_request_signers').values({ request_id: requestId, member_id: memberId, at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  signerCount: async (db: Db, requestId: string) =>
    count(await db.selectFrom('congress_session_request_signers').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', requestId).executeTakeFirst()),
  signedBy: async (db: Db, requestId: string, memberId: string) =>
    !!(await db.selectFrom('congress_session_request_signers').select('member_id').where('request_id', '=', requestId).where('member_id', '=', memberId).executeTakeFirst()),
  markRequestNotified: (db: Db, id: string, at: string) => db.updateTable('congress_session_requests').set({ notified_at: at }).where('id', '=', id).execute(),

  insertSession: (db: Db, row: CongressSessionsTable) => db.insertInto('congress_sessions').values(row).execute(),
  findSession: async (db: Db, orgId: string, id: string) => (await sessionById(db, { orgId, id }))[0],
  listSessions: (db: Db, orgId: string, termId?: string) => {
    let q = db.selectFrom('congress_sessions as s').innerJoin('congress_terms as t', 't.id', 's.term_id').selectAll('s').select('t.name as term_name').where('s.org_id', '=', orgId);
    if (termId) q = q.where('s.term_id', '=', termId);
    return q.orderBy('s.date', 'desc').execute();
  },

  updateSession: (db: Db, orgId: string, id: string, patch: Partial<Pick<CongressSessionsTable, 'name' | 'date' | 'place' | 'updated_at'>>) =>
    db.updateTable('congress_sessions').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /**
   * What makes sessions a record that must stay: delegates present or on leave, votes that were
   * opened, and proposals (drafts too: they are delegates' work). Agenda, guests and draft votes do not.
   */
  async sessionRecords(db: Db, orgId: string, sessionIds: string[]) {
    if (!sessionIds.length) return { attendance: 0, votes: 0, proposals: 0 };
    const [attendance, votes, proposals] = await Promise.all([
      db.selectFrom('congress_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('session_id', 'in', sessionIds).where('status', 'in', ['present', 'leave']).executeTakeFirst(),
      db.selectFrom('congress_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('session_id', 'in', sessionIds).where('status', '!=', 'draft').executeTakeFirst(),
      db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('session_id', 'in', sessionIds).executeTakeFirst(),
    ]);
    return { attendance: count(attendance), votes: count(votes), proposals: count(proposals) };
  },
  /** Deletes a session that has no record (see sessionRecords) with its agenda, guests, draft votes and proposal window. */
  async deleteSession(db: Db, orgId: string, id: string) {
    const votes = db.selectFrom('congress_votes').select('id').where('org_id', '=', orgId).where('session_id', '=', id);
    await db.deleteFrom('congress_vote_candidates').where('vote_id', 'in', votes).execute();
    for (const table of ['congress_votes', 'congress_agenda_items', 'congress_guests', 'congress_attendance', 'proposal_windows'] as const) {
      await db.deleteFrom(table).where('org_id', '=', orgId).where('session_id', '=', id).execute();
    }
    await db.deleteFrom('congress_sessions').where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  replaceAgenda: async (db: Db, orgId: string, sessionId: string, rows: CongressAgendaItemsTable[]) => {
    await db.deleteFrom('congress_agenda_items').where('org_id', '=', orgId).where('session_id', '=', sessionId).execute();
    if (rows.length) await db.insertInto('congress_agenda_items').values(rows).execute();
  },
  agenda: (db: Db, orgId: string, sessionId: string) => agendaOf(db, { orgId, sessionId }),

  insertGuest: (db: Db, row: CongressGuestsTable) => db.insertInto('congress_guests').values(row).execute(),
  findGuest: (db: Db, orgId: string, sessionId: string, id: string) =>
    db.selectFrom('congress_guests').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst(),
  updateGuest: (db: Db, orgId: string, id: string, patch: Partial<Pick<CongressGuestsTable, 'name' | 'member_id' | 'note'>>) =>
    db.updateTable('congress_guests').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  deleteGuest: (db: Db, orgId: string, id: string) => db.deleteFrom('congress_guests').where('org_id', '=', orgId).where('id', '=', id).execute(),
  guests: (db: Db, orgId: string, sessionId: string) =>
    db.selectFrom('congress_guests').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).orderBy('name').execute(),

  /** Sets a delegate's status for the session (insert or update: one row per delegate and session). */
  async setAttendance(db: Db, row: { org_id: string; session_id: string; member_id: string; status: string; method: string; at: string }) {
    await db
      .insertInto('congress_attendance')
      .values(row)
      .onConflict((oc) => oc.columns(['session_id', 'member_id']).doUpdateSet({ status: row.status, method: row.method, at: row.at }))
      .execute();
  },
  attendance: (db: Db, orgId: string, sessionId: string) =>
    db.selectFrom('congress_attendance').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).execute(),
  attendanceOf: async (db: Db, orgId: string, sessionId: string, memberId: string) => (await attendanceOfMember(db, { orgId, sessionId, memberId }))[0]?.status,
  /** Delegates of the session's term by status, counting only current delegates. */
  async attendanceCounts(db: Db, orgId: string, sessionId: string, termId: string) {
    const rows = await db
      .selectFrom('congress_attendance as a')
      .innerJoin('congress_delegates as d', (j) => j.onRef('d.member_id', '=', 'a.member_id').on('d.term_id', '=', termId))
      .select(['a.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.org_id', '=', orgId)
      .where('a.session_id', '=', sessionId)
      .groupBy('a.status')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    return { present: by.present ?? 0, leave: by.leave ?? 0 };
  },
  presentDelegateIds: async (db: Db, orgId: string, sessionId: string, termId: string) =>
    (
      await db
        .selectFrom('congress_attendance as a')
        .innerJoin('congress_delegates as d', (j) => j.onRef('d.member_id', '=', 'a.member_id').on('d.term_id', '=', termId))
        .select('a.member_id')
        .where('a.org_id', '=', orgId)
        .where('a.session_id', '=', sessionId)
        .where('a.status', '=', 'present')
        .execute()
    ).map((r) => r.member_id),
};
