import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { ProposalEventsTable, ProposalPostsTable, ProposalRepliesTable, ProposalTemplatesTable, ProposalWindowsTable } from '../../db/tables';

// A proposal's page reads its thread with these, compiled once (db/compiled.ts).
const repliesOf = compiledQuery((db, p: { orgId: string; proposalId: string }) =>
  db.selectFrom('proposal_replies').selectAll().where('org_id', '=', p.orgId).where('proposal_id', '=', p.proposalId).orderBy('round'),
);
const postsOf = compiledQuery((db, p: { orgId: string; proposalId: string; kind: string }) =>
  db.selectFrom('proposal_posts').selectAll().where('org_id', '=', p.orgId).where('proposal_id', '=', p.proposalId).where('kind', '=', p.kind).orderBy('created_at').orderBy('id'),
);
const eventsOf = compiledQuery((db, p: { orgId: string; proposalId: string }) =>
  db.selectFrom('proposal_events').selectAll().where('org_id', '=', p.orgId).where('proposal_id', '=', p.proposalId).orderBy('at').orderBy('id'),
);

// Everything around a proposal: replies, messages and notes, templates, collection windows, and the
// congress and account rows the rules read (read only: the congress tables belong to that module).
export const threadRepo = {
  replies: (db: Db, orgId: string, proposalId: string) => repliesOf(db, { orgId, proposalId }),
  repliesOf: (db: Db, orgId: string, proposalIds: string[]) =>
    proposalIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('proposal_replies').selectAll().where('org_id', '=', orgId).where('proposal_id', 'in', proposalIds).orderBy('proposal_id').orderBy('round').execute(),
  insertReply: (db: Db, row: ProposalRepliesTable) => db.insertInto('proposal_replies').values(row).execute(),
  rateReply: (db: Db, orgId: string, id: string, patch: Pick<ProposalRepliesTable, 'rating' | 'rating_comment' | 'rated_at'>) =>
    db.updateTable('proposal_replies').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  posts: (db: Db, orgId: string, proposalId: string, kind: 'message' | 'note') => postsOf(db, { orgId, proposalId, kind }),
  insertPost: (db: Db, row: ProposalPostsTable) => db.insertInto('proposal_posts').values(row).execute(),

  events: (db: Db, orgId: string, proposalId: string) => eventsOf(db, { orgId, proposalId }),
  insertEvent: (db: Db, row: ProposalEventsTable) => db.insertInto('proposal_events').values(row).execute(),

  templates: (db: Db, orgId: string, kind?: string) => {
    let q = db.selectFrom('proposal_templates').selectAll().where('org_id', '=', orgId);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('kind').orderBy('name').execute();
  },
  template: (db: Db, orgId: string, id: string) => db.selectFrom('proposal_templates').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  insertTemplate: (db: Db, row: ProposalTemplatesTable) => db.insertInto('proposal_templates').values(row).execute(),
  updateTemplate: (db: Db, orgId: string, id: string, patch: Partial<ProposalTemplatesTable>) =>
    db.updateTable('proposal_templates').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  deleteTemplate: (db: Db, orgId: string, id: string) => db.deleteFrom('proposal_templates').where('org_id', '=', orgId).where('id', '=', id).execute(),

  windows: (db: Db, orgId: string) =>
    db
      .selectFrom('proposal_windows as w')
      .innerJoin('congress_sessions as s', 's.id', 'w.session_id')
      .selectAll('w')
      .select('s.name as session_name')
      .where('w.org_id', '=', orgId)
      .orderBy('w.opens_on', 'desc')
      .execute(),
  window: (db: Db, orgId: string, sessionId: string) =>
    db.selectFrom('proposal_windows').selectAll().where('org_id', '=', orgId).where('session_id', '=', sessionId).executeTakeFirst(),
  /**
   * The session's next 提案 序号. One UPDATE … RETURNING: on PostgreSQL it locks the window row until the
   * transaction ends, so a concurrent submission waits and reads the new value (SQLite runs one at a time).
   */
  async nextNumber(db: Db, orgId: string, sessionId: string): Promise<number> {
    const row = await db
      .updateTable('proposal_windows')
      .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('session_id', '=', sessionId)
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return row.last_number;
  },
  async upsertWindow(db: Db, row: Omit<ProposalWindowsTable, 'last_number'>): Promise<void> {
    const done = await db
      .updateTable('proposal_windows')
      .set({ opens_on: row.opens_on, closes_on: row.closes_on, updated_at: row.updated_at })
      .where('org_id', '=', row.org_id)
      .where('session_id', '=', row.session_id)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) await db.insertInto('proposal_windows').values({ ...row, last_number: 0 }).execute();
  },

  session: (db: Db, orgId: string, id: string) =>
    db.selectFrom('congress_sessions').select(['id', 'term_id', 'name', 'date']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  delegation: (db: Db, orgId: string, id: string) =>
    db.selectFrom('congress_delegations').select(['id', 'term_id', 'name', 'head_member_id']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  /** Which of `memberIds` are delegates of the term. */
  delegatesAmong: async (db: Db, orgId: string, termId: string, memberIds: string[]) =>
    memberIds.length === 0
      ? []
      : (
          await db.selectFrom('congress_delegates').select('member_id').where('org_id', '=', orgId).where('term_id', '=', termId).where('member_id', 'in', memberIds).execute()
        ).map((r) => r.member_id),

  users: (db: Db, orgId: string, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('users as u')
          .leftJoin('members as m', 'm.id', 'u.member_id')
          .select(['u.id', 'u.roles', 'u.disabled', 'u.username', 'm.name as member_name'])
          .where('u.org_id', '=', orgId)
          .where('u.id', 'in', ids)
          .execute(),
};
