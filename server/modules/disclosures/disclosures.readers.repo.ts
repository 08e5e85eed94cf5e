import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { DisclosureQuestionsTable, DisclosureReadsTable } from '../../db/tables';

// Who an item reaches (its audience's accounts), read receipts, and the questions under items.
// The congress and account tables are only read here; they belong to their own modules.

/** Active accounts of the school linked to a member still on the roll: the people a notice is for. */
function accounts(db: Db, orgId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('members as m', 'm.id', 'u.member_id')
    .where('u.org_id', '=', orgId)
    .where('u.disabled', '=', 0)
    .where('m.deleted_at', 'is', null);
}

/** Members who are delegates of a term running today (教代会代表 of the current term). */
function currentDelegates(db: Db, orgId: string, today: string) {
  return db
    .selectFrom('congress_delegates as cd')
    .innerJoin('congress_terms as t', 't.id', 'cd.term_id')
    .select('cd.member_id')
    .where('cd.org_id', '=', orgId)
    .where('t.start_date', '<=', today)
    .where('t.end_date', '>=', today);
}

// Asked by every reader's request (feed, item, the home's badge) and an item's page: compiled once (db/compiled.ts).
const delegateToday = compiledQuery((db, p: { orgId: string; memberId: string; today: string }) => currentDelegates(db, p.orgId, p.today).where('cd.member_id', '=', p.memberId).limit(1));
const readByUser = compiledQuery((db, p: { orgId: string; disclosureId: string; userId: string }) =>
  db.selectFrom('disclosure_reads').select('user_id').where('org_id', '=', p.orgId).where('disclosure_id', '=', p.disclosureId).where('user_id', '=', p.userId),
);
const questionsOf = compiledQuery((db, p: { orgId: string; disclosureId: string }) =>
  db.selectFrom('disclosure_questions').selectAll().where('org_id', '=', p.orgId).where('disclosure_id', '=', p.disclosureId).orderBy('asked_at').orderBy('id'),
);

export const readersRepo = {
  isCurrentDelegate: async (db: Db, orgId: string, memberId: string, today: string) => (await delegateToday(db, { orgId, memberId, today })).length > 0,

  /** The accounts an item is for: everyone's for staff and public items, the current delegates' for delegates. */
  audience: (db: Db, orgId: string, delegatesOnly: boolean, today: string) => {
    let q = accounts(db, orgId);
    if (delegatesOnly) q = q.where('m.id', 'in', currentDelegates(db, orgId, today));
    return q.select(['u.id as user_id', 'm.id as member_id', 'm.name', 'm.department']).orderBy('m.name_pinyin').orderBy('m.id').execute();
  },

  /** Records the first reading only; later readings keep the first date. */
  markRead: (db: Db, row: DisclosureReadsTable) => db.insertInto('disclosure_reads').values(row).onConflict((oc) => oc.columns(['disclosure_id', 'user_id']).doNothing()).execute(),
  hasRead: async (db: Db, orgId: string, disclosureId: string, userId: string) => (await readByUser(db, { orgId, disclosureId, userId })).length > 0,
  reads: (db: Db, orgId: string, disclosureId: string) =>
    db.selectFrom('disclosure_reads').select(['user_id', 'read_at']).where('org_id', '=', orgId).where('disclosure_id', '=', disclosureId).execute(),

  questions: (db: Db, orgId: string, disclosureId: string) => questionsOf(db, { orgId, disclosureId }),
  /** Answered questions made public, for the public page. */
  publicQuestions: (db: Db, orgId: string, disclosureIds: string[]) =>
    disclosureIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('disclosure_questions')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('disclosure_id', 'in', disclosureIds)
          .where('answer_public', '=', 1)
          .where('answer', 'is not', null)
          .orderBy('asked_at')
          .orderBy('id')
          .execute(),
  findQuestion: (db: Db, orgId: string, id: string) => db.selectFrom('disclosure_questions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  insertQuestion: (db: Db, row: DisclosureQuestionsTable) => db.insertInto('disclosure_questions').values(row).execute(),
  answer: (db: Db, orgId: string, id: string, patch: Pick<DisclosureQuestionsTable, 'answer' | 'answer_public' | 'answered_by' | 'answered_at'>) =>
    db.updateTable('disclosure_questions').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  /** Questions asked in [from, to) and how many of them have an answer. */
  async questionCounts(db: Db, orgId: string, from: string, to: string): Promise<{ asked: number; answered: number }> {
    const rows = await db.selectFrom('disclosure_questions').select('answered_at').where('org_id', '=', orgId).where('asked_at', '>=', from).where('asked_at', '<', to).execute();
    return { asked: rows.length, answered: rows.filter((r) => r.answered_at).length };
  },
};
