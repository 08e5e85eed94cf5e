import type { DisclosureAudience, DisclosureListQuery, FeedQuery } from '../../../common/disclosures';
import { compiledQuery, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { DisclosureEventsTable, DisclosuresTable } from '../../db/tables';

// 校务公开 items and their review history. Every query takes orgId.

export type DisclosureRow = DisclosuresTable & { category_code: string | null; category_name: string; issue_year: number | null; issue_number: number | null; issue_state: string | null };

/** What a reader may see today: published, inside its period, addressed to one of `audiences`. */
export interface ReaderScope {
  today: string;
  audiences: DisclosureAudience[];
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('disclosures as d')
    // Joined within the school: PostgreSQL then reads its few categories and issues by index rather than
    // hashing every school's (4 ms → 0.6 ms for a list at city scale).
    .innerJoin('disclosure_categories as c', (j) => j.onRef('c.id', '=', 'd.category_id').on('c.org_id', '=', orgId))
    .leftJoin('disclosure_issues as i', (j) => j.onRef('i.id', '=', 'd.issue_id').on('i.org_id', '=', orgId))
    .where('d.org_id', '=', orgId);
}
type Base = ReturnType<typeof withNames>;

const display = (q: Base) => q.selectAll('d').select(['c.code as category_code', 'c.name as category_name', 'i.school_year as issue_year', 'i.number as issue_number', 'i.state as issue_state']);

/** The one definition of "a reader sees it now", shared by the feed, the item, the 公开栏 and the public page. */
const live = (q: Base, r: ReaderScope): Base =>
  q
    .where('d.state', '=', 'published')
    .where('d.visible_from', '<=', r.today)
    .where((eb) => eb.or([eb('d.visible_to', 'is', null), eb('d.visible_to', '>=', r.today)]))
    .where('d.audience', 'in', r.audiences);

// An item's page, compiled once (db/compiled.ts): building the three-table join cost Kysely more than
// SQLite takes to run it. A reader's audiences are one of two lists (with or without the delegates'):
// a query for each, the list in its SQL.
const findOne = compiledQuery((db, p: { orgId: string; id: string }) => display(withNames(db, p.orgId).where('d.id', '=', p.id)));
const findLiveFor = perShape(
  (audiences: DisclosureAudience[]) => audiences.join(),
  (audiences) =>
    compiledQuery((db, p: { orgId: string; id: string; today: string }) => display(live(withNames(db, p.orgId), { today: p.today, audiences }).where('d.id', '=', p.id))),
);

const newestFirst = (q: Base) => q.orderBy('d.published_at', 'desc').orderBy('d.id', 'desc');
/** Issue order: by category as the school arranged them, then as written. */
const boardOrder = (q: Base) => q.orderBy('c.position').orderBy('d.created_at').orderBy('d.id');
const counted = (q: Base) => q.select((eb) => eb.fn.countAll<number>().as('n'));
const total = async (q: Base) => Number((await counted(q).executeTakeFirstOrThrow()).n);

function readBy(db: Db, orgId: string, userId: string) {
  return db.selectFrom('disclosure_reads').select('disclosure_id').where('org_id', '=', orgId).where('user_id', '=', userId);
}

// The phone feed and its 新公开 count, compiled once per shape (the reader's audiences, a category chosen
// or not): building its three joins per request cost Kysely ~60 µs, a tenth of the request on SQLite.
type Reader = { orgId: string; today: string; userId: string };
const feedQueries = perShape(
  (s: { audiences: DisclosureAudience[]; category: boolean }) => `${s.audiences.join()}|${s.category}`,
  ({ audiences, category }) => {
    const liveFor = (db: Db, p: Reader) => live(withNames(db, p.orgId), { today: p.today, audiences });
    const shown = (db: Db, p: Reader & { categoryId: string | null }) => (category ? liveFor(db, p).where('d.category_id', '=', p.categoryId!) : liveFor(db, p));
    return {
      unread: compiledQuery((db, p: Reader) => counted(liveFor(db, p).where('d.id', 'not in', readBy(db, p.orgId, p.userId)))),
      total: compiledQuery((db, p: Reader & { categoryId: string | null }) => counted(shown(db, p))),
      rows: compiledQuery((db, p: Reader & { categoryId: string | null; limit: number; offset: number }) =>
        display(newestFirst(shown(db, p)))
          .select((eb) => eb('d.id', 'in', readBy(db, p.orgId, p.userId)).as('is_read'))
          .limit(p.limit)
          .offset(p.offset),
      ),
    };
  },
);
const countOf = async (rows: Promise<{ n: number }[]>) => Number((await rows)[0].n);

export const disclosuresRepo = {
  async list(db: Db, orgId: string, f: DisclosureListQuery): Promise<{ rows: DisclosureRow[]; total: number }> {
    let q = withNames(db, orgId);
    if (f.state) q = q.where('d.state', '=', f.state);
    if (f.returned) q = q.where('d.state', '=', 'draft').where('d.returned', '=', 1);
    if (f.categoryId) q = q.where('d.category_id', '=', f.categoryId);
    if (f.issueId) q = q.where('d.issue_id', '=', f.issueId);
    if (f.audience) q = q.where('d.audience', '=', f.audience);
    if (f.q) q = q.where('d.title', 'like', `%${f.q}%`);
    const rows = await display(q)
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { rows, total: await total(q) };
  },

  async feed(db: Db, orgId: string, scope: ReaderScope, userId: string, f: FeedQuery) {
    const queries = feedQueries({ audiences: scope.audiences, category: !!f.categoryId });
    const reader = { orgId, today: scope.today, userId };
    const shown = { categoryId: f.categoryId ?? null, ...reader };
    const [unread, rows, total] = await Promise.all([
      countOf(queries.unread(db, reader)),
      queries.rows(db, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize, ...shown }),
      countOf(queries.total(db, shown)),
    ]);
    return { rows, total, unread };
  },

  unread: (db: Db, orgId: string, scope: ReaderScope, userId: string) => countOf(feedQueries({ audiences: scope.audiences, category: false }).unread(db, { orgId, today: scope.today, userId })),

  find: async (db: Db, orgId: string, id: string): Promise<DisclosureRow | undefined> => (await findOne(db, { orgId, id }))[0],
  findLive: async (db: Db, orgId: string, id: string, scope: ReaderScope): Promise<DisclosureRow | undefined> =>
    (await findLiveFor(scope.audiences)(db, { orgId, id, today: scope.today }))[0],

  ofIssue: (db: Db, orgId: string, issueId: string): Promise<DisclosureRow[]> => display(boardOrder(withNames(db, orgId).where('d.issue_id', '=', issueId))).execute(),
  liveOfIssue: (db: Db, orgId: string, issueId: string, scope: ReaderScope): Promise<DisclosureRow[]> =>
    display(boardOrder(live(withNames(db, orgId), scope).where('d.issue_id', '=', issueId))).execute(),

  async publicList(db: Db, orgId: string, today: string, page: { page: number; pageSize: number }) {
    const q = live(withNames(db, orgId), { today, audiences: ['public'] });
    const rows = await display(newestFirst(q)).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute();
    return { rows, total: await total(q) };
  },

  /** Items published in [from, to), for the year's figures. */
  publishedIn: (db: Db, orgId: string, from: string, to: string) =>
    db.selectFrom('disclosures').select(['id', 'category_id']).where('org_id', '=', orgId).where('published_at', '>=', from).where('published_at', '<', to).execute(),

  /** 资料份数: files attached to each of these items (the files module's table, read only). */
  async attachmentCounts(db: Db, orgId: string, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('files')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('owner_kind', '=', 'disclosure')
      .where('owner_id', 'in', ids)
      .groupBy('owner_id')
      .execute();
    return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
  },

  insert: (db: Db, row: DisclosuresTable) => db.insertInto('disclosures').values(row).execute(),
  update: (db: Db, orgId: string, id: string, patch: Partial<DisclosuresTable>) => db.updateTable('disclosures').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  /** Moves every item of an issue from one state to another (publication). */
  setIssueState: (db: Db, orgId: string, issueId: string, from: string, patch: Partial<DisclosuresTable>) =>
    db.updateTable('disclosures').set(patch).where('org_id', '=', orgId).where('issue_id', '=', issueId).where('state', '=', from).execute(),

  /** Deletes a draft with its history (a draft has no readers, receipts or questions). */
  async removeDraft(db: Db, orgId: string, id: string): Promise<void> {
    await db.deleteFrom('disclosure_events').where('org_id', '=', orgId).where('disclosure_id', '=', id).execute();
    await db.deleteFrom('disclosures').where('org_id', '=', orgId).where('id', '=', id).where('state', '=', 'draft').execute();
  },

  events: (db: Db, orgId: string, id: string) =>
    db.selectFrom('disclosure_events').selectAll().where('org_id', '=', orgId).where('disclosure_id', '=', id).orderBy('at').orderBy('id').execute(),
  insertEvents: (db: Db, rows: DisclosureEventsTable[]) => (rows.length ? db.insertInto('disclosure_events').values(rows).execute() : Promise.resolve()),
  /** Accounts that wrote or edited the item: none of them may approve it. */
  writers: async (db: Db, orgId: string, id: string): Promise<string[]> =>
    (
      await db
        .selectFrom('disclosure_events')
        .select('user_id')
        .distinct()
        .where('org_id', '=', orgId)
        .where('disclosure_id', '=', id)
        .where('action', 'in', ['create', 'update'])
        .execute()
    )
      .map((r) => r.user_id)
      .filter((u): u is string => !!u),
};
