import type { Db } from '../../db/database';
import type { DisclosureCategoriesTable, DisclosureIssuesTable } from '../../db/tables';

// Categories and the bulletin issues (numbered 第N期 within each 学年) of a school. Every query takes orgId.

const itemCount = (db: Db, orgId: string) =>
  db.selectFrom('disclosures').select(['category_id', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('category_id');

export const catalogRepo = {
  async categories(db: Db, orgId: string) {
    const [rows, counts] = await Promise.all([
      db.selectFrom('disclosure_categories').selectAll().where('org_id', '=', orgId).orderBy('position').orderBy('name').execute(),
      itemCount(db, orgId).execute(),
    ]);
    const n = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
    return rows.map((r) => Object.assign(r, { items: n.get(r.id) ?? 0 }));
  },
  hasCategories: async (db: Db, orgId: string) => !!(await db.selectFrom('disclosure_categories').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst()),
  /** Inserts the defaults; a concurrent first visit inserting the same names is ignored, not an error. */
  insertCategories: (db: Db, rows: DisclosureCategoriesTable[]) =>
    db.insertInto('disclosure_categories').values(rows).onConflict((oc) => oc.columns(['org_id', 'name']).doNothing()).execute(),
  findCategory: (db: Db, orgId: string, id: string) => db.selectFrom('disclosure_categories').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  categoryNamed: (db: Db, orgId: string, name: string) => db.selectFrom('disclosure_categories').selectAll().where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst(),
  nextCategoryPosition: async (db: Db, orgId: string) =>
    Number((await db.selectFrom('disclosure_categories').select((eb) => eb.fn.max<number>('position').as('p')).where('org_id', '=', orgId).executeTakeFirst())?.p ?? -1) + 1,
  updateCategory: (db: Db, orgId: string, id: string, patch: Partial<DisclosureCategoriesTable>) =>
    db.updateTable('disclosure_categories').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  categoryUse: async (db: Db, orgId: string, id: string) =>
    Number((await db.selectFrom('disclosures').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).where('category_id', '=', id).executeTakeFirstOrThrow()).n),
  deleteCategory: (db: Db, orgId: string, id: string) => db.deleteFrom('disclosure_categories').where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Issues (all, the published ones, or one), newest first, with their item and approved-item counts. */
  issues: (db: Db, orgId: string, only: { published?: boolean; id?: string } = {}) => {
    let q = db
      .selectFrom('disclosure_issues as i')
      .selectAll('i')
      .select((eb) => [
        eb.selectFrom('disclosures as d').select(eb.fn.countAll<number>().as('n')).where('d.org_id', '=', orgId).whereRef('d.issue_id', '=', 'i.id').as('items'),
        eb
          .selectFrom('disclosures as d')
          .select(eb.fn.countAll<number>().as('n'))
          .where('d.org_id', '=', orgId)
          .whereRef('d.issue_id', '=', 'i.id')
          .where('d.state', '=', 'approved')
          .as('approved'),
      ])
      .where('i.org_id', '=', orgId);
    if (only.published) q = q.where('i.state', '=', 'published');
    if (only.id) q = q.where('i.id', '=', only.id);
    return q.orderBy('i.school_year', 'desc').orderBy('i.number', 'desc').execute();
  },
  findIssue: (db: Db, orgId: string, id: string) => db.selectFrom('disclosure_issues').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  /** Takes the year's next issue number: one atomic upsert, so concurrent callers get consecutive numbers. */
  nextIssueNumber: async (db: Db, orgId: string, schoolYear: number): Promise<number> =>
    Number(
      (
        await db
          .insertInto('disclosure_issue_counters')
          .values({ org_id: orgId, school_year: schoolYear, last: 1 })
          .onConflict((oc) => oc.columns(['org_id', 'school_year']).doUpdateSet((eb) => ({ last: eb('disclosure_issue_counters.last', '+', 1) })))
          .returning('last')
          .executeTakeFirstOrThrow()
      ).last,
    ),
  /** Gives the number back when the year's latest issue is deleted, so numbers stay consecutive. */
  releaseIssueNumber: (db: Db, orgId: string, schoolYear: number, number: number) =>
    db.updateTable('disclosure_issue_counters').set({ last: number - 1 }).where('org_id', '=', orgId).where('school_year', '=', schoolYear).where('last', '=', number).execute(),
  lastIssueNumber: async (db: Db, orgId: string, schoolYear: number) =>
    Number(
      (await db.selectFrom('disclosure_issues').select((eb) => eb.fn.max<number>('number').as('n')).where('org_id', '=', orgId).where('school_year', '=', schoolYear).executeTakeFirst())?.n ?? 0,
    ),
  insertIssue: (db: Db, row: DisclosureIssuesTable) => db.insertInto('disclosure_issues').values(row).execute(),
  updateIssue: (db: Db, orgId: string, id: string, patch: Partial<DisclosureIssuesTable>) =>
    db.updateTable('disclosure_issues').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  deleteIssue: (db: Db, orgId: string, id: string) => db.deleteFrom('disclosure_issues').where('org_id', '=', orgId).where('id', '=', id).execute(),
  issuesPublishedIn: async (db: Db, orgId: string, from: string, to: string) =>
    Number(
      (
        await db
          .selectFrom('disclosure_issues')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('published_at', '>=', from)
          .where('published_at', '<', to)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};
