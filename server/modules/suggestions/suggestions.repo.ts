import type { SuggestionListQuery } from '../../../common/suggestions';
import { compiledQuery, pageOf, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { SuggestionMessagesTable, SuggestionsTable } from '../../db/tables';

/** Which mailboxes an account answers: the principal's, the union's, some departments'. */
export interface Handling {
  principal: boolean;
  union: boolean;
  departments: string[];
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('suggestions as s')
    // Joined within the school (see disclosures.repo).
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 's.department_id').on('d.org_id', '=', orgId))
    .leftJoin('users as w', (j) => j.onRef('w.id', '=', 's.writer_user_id').on('w.org_id', '=', orgId))
    .leftJoin('members as wm', (j) => j.onRef('wm.id', '=', 'w.member_id').on('wm.org_id', '=', orgId))
    .where('s.org_id', '=', orgId);
}
type Base = ReturnType<typeof withNames>;

const display = (q: Base) =>
  q
    .selectAll('s')
    .select((eb) => [
      'd.name as department_name',
      eb.fn.coalesce('wm.name', 'w.username').as('writer_name'),
      eb
        .selectFrom('suggestion_messages as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.suggestion_id', '=', 's.id')
        .where('m.author_kind', '=', 'handler')
        .as('replies'),
    ]);
export type SuggestionRow = SuggestionsTable & { department_name: string | null; writer_name: string | null; replies: number | string | null };

async function paged(q: Base, page: number, pageSize: number, order: 'received' | 'wall'): Promise<{ rows: SuggestionRow[]; total: number }> {
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sorted = order === 'wall' ? display(q).orderBy('s.wall_on', 'desc') : display(q).orderBy('s.received_on', 'desc');
  const rows = await sorted
    .orderBy('s.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows as SuggestionRow[], total: Number(total) };
}

// A letter's page (its writer's and its handlers'), compiled once (db/compiled.ts): Kysely's building
// of the four-table join cost more than SQLite's running it.
const findOne = compiledQuery((db, p: { orgId: string; id: string }) => display(withNames(db, p.orgId).where('s.id', '=', p.id)));
const thread = compiledQuery((db, p: { orgId: string; suggestionId: string }) =>
  db.selectFrom('suggestion_messages').selectAll().where('org_id', '=', p.orgId).where('suggestion_id', '=', p.suggestionId).orderBy('seq'),
);

type InboxFilter = { orgId: string; userId: string; status: string | null; category: string | null; to: string | null; overdueBefore: string; like: string | null };
type InboxShape = { principal: boolean; union: boolean; departments: boolean; status: boolean; category: boolean; to: 'addressee' | 'department' | 'any'; overdue: boolean; q: boolean };
/**
 * A handler's inbox page and its count, compiled once per shape (db/compiled.ts): Kysely's building of the
 * four-table join cost about as much as SQLite's running it. The departments a handler answers are read by
 * a subquery, so that their number does not shape the SQL.
 */
const inboxPage = perShape(
  (s: InboxShape) => JSON.stringify(s),
  (shape) => {
    const chosen = (db: Db, p: InboxFilter) => {
      let q = withNames(db, p.orgId).where((eb) =>
        eb.or([
          ...(shape.principal ? [eb('s.addressee', '=', 'principal')] : []),
          ...(shape.union ? [eb('s.addressee', '=', 'union')] : []),
          ...(shape.departments
            ? [eb('s.department_id', 'in', db.selectFrom('department_handlers').select('department_id').where('org_id', '=', p.orgId).where('user_id', '=', p.userId))]
            : []),
        ]),
      );
      if (shape.status) q = q.where('s.status', '=', p.status!);
      if (shape.category) q = q.where('s.category', '=', p.category!);
      if (shape.to === 'addressee') q = q.where('s.addressee', '=', p.to!);
      if (shape.to === 'department') q = q.where('s.department_id', '=', p.to!);
      if (shape.overdue) q = q.where('s.answered_on', 'is', null).where('s.status', '!=', 'closed').where('s.received_on', '<', p.overdueBefore);
      if (shape.q) q = q.where((eb) => eb.or([eb('s.title', 'like', p.like!), eb('s.content', 'like', p.like!)]));
      return q;
    };
    return {
      total: compiledQuery((db, p: InboxFilter) => chosen(db, p).select((eb) => eb.fn.countAll<number>().as('total'))),
      rows: compiledQuery((db, p: InboxFilter & { limit: number; offset: number }) => display(chosen(db, p)).orderBy('s.received_on', 'desc').orderBy('s.id').limit(p.limit).offset(p.offset)),
    };
  },
);

/** The tables an anonymous letter writes to, compacted after it (see `compact` in db/database.ts). */
export const ANONYMOUS_TABLES = ['suggestions', 'suggestion_messages'];

export const suggestionsRepo = {
  insert: (db: Db, row: SuggestionsTable) => db.insertInto('suggestions').values(row).execute(),

  find: async (db: Db, orgId: string, id: string): Promise<SuggestionRow | undefined> => (await findOne(db, { orgId, id }))[0] as SuggestionRow | undefined,

  /**
   * The one lookup without an organisation: a receipt code is all a public caller has, and its hash is
   * unique across every school. The row found then scopes everything else.
   */
  findByReceipt: (db: Db, receiptHash: string) => db.selectFrom('suggestions').select(['id', 'org_id']).where('receipt_hash', '=', receiptHash).executeTakeFirst(),

  update: (db: Db, orgId: string, id: string, patch: Partial<SuggestionsTable>) =>
    db.updateTable('suggestions').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** The handler's inbox: the mailboxes they answer (`userId`'s departments among them), filtered. */
  async inbox(db: Db, orgId: string, userId: string, h: Handling, f: SuggestionListQuery, overdueBefore: string): Promise<{ rows: SuggestionRow[]; total: number }> {
    if (!h.principal && !h.union && h.departments.length === 0) return { rows: [], total: 0 };
    const to = f.to === 'principal' || f.to === 'union' ? 'addressee' : f.to ? 'department' : 'any';
    const shape = { principal: h.principal, union: h.union, departments: h.departments.length > 0, status: !!f.status, category: !!f.category, to, overdue: !!f.overdue, q: !!f.q } as const;
    const queries = inboxPage(shape);
    const values: InboxFilter = { orgId, userId, status: f.status ?? null, category: f.category ?? null, to: f.to ?? null, overdueBefore, like: f.q ? `%${f.q}%` : null };
    const { rows, total } = await pageOf(db, queries, values, f);
    return { rows: rows as SuggestionRow[], total };
  },

  /** A named writer's own suggestions (anonymous ones have no writer to find them by). */
  mine: (db: Db, orgId: string, userId: string, page: number, pageSize: number) => paged(withNames(db, orgId).where('s.writer_user_id', '=', userId), page, pageSize, 'received'),

  wall: (db: Db, orgId: string, page: number, pageSize: number) => paged(withNames(db, orgId).where('s.wall_on', 'is not', null), page, pageSize, 'wall'),

  /** Received within [from, to) (local dates), for the figures. */
  forPeriod: (db: Db, orgId: string, from: string, to: string) =>
    db
      .selectFrom('suggestions as s')
      .leftJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.addressee', 's.department_id', 'd.name as department_name', 's.category', 's.received_on', 's.answered_on'])
      .where('s.org_id', '=', orgId)
      .where('s.received_on', '>=', from)
      .where('s.received_on', '<', to)
      .execute(),

  messages: (db: Db, orgId: string, suggestionId: string) => thread(db, { orgId, suggestionId }),

  /** Appends to a thread: its position is the thread's next, whoever writes. */
  async insertMessage(db: Db, row: Omit<SuggestionMessagesTable, 'seq'>): Promise<void> {
    const last = await db.selectFrom('suggestion_messages').select((eb) => eb.fn.max('seq').as('seq')).where('suggestion_id', '=', row.suggestion_id).executeTakeFirst();
    await db.insertInto('suggestion_messages').values({ ...row, seq: Number(last?.seq ?? 0) + 1 }).execute();
  },

  proposal: (db: Db, orgId: string, id: string) => db.selectFrom('proposals').select(['id', 'title']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),

  /** Every school's anonymous news still waiting for its notice (the nightly job runs for all). */
  pendingNotices: (db: Db) =>
    db.selectFrom('suggestions').select(['id', 'org_id', 'title', 'addressee', 'department_id', 'notice_kind', 'notice_on']).where('notice_kind', 'is not', null).execute(),

  clearNotice: (db: Db, orgId: string, id: string) => db.updateTable('suggestions').set({ notice_kind: null, notice_on: null }).where('org_id', '=', orgId).where('id', '=', id).execute(),

  /**
   * PostgreSQL keeps rows in the order they were written and stamps each with its transaction id, which
   * counts like a clock. Deleting and re-inserting a school's anonymous rows in key order, in one
   * transaction, leaves every one of them with the same stamp and a position given by its random key.
   */
  async rewriteAnonymous(db: Db, orgId: string): Promise<void> {
    const anonymous = db.selectFrom('suggestions').select('id').where('org_id', '=', orgId).where('anonymous', '=', 1);
    const rows = await db.selectFrom('suggestions').selectAll().where('org_id', '=', orgId).where('anonymous', '=', 1).orderBy('id').execute();
    const messages = await db.selectFrom('suggestion_messages').selectAll().where('org_id', '=', orgId).where('suggestion_id', 'in', anonymous).orderBy('suggestion_id').orderBy('id').execute();
    await db.deleteFrom('suggestion_messages').where('org_id', '=', orgId).where('suggestion_id', 'in', anonymous).execute();
    await db.deleteFrom('suggestions').where('org_id', '=', orgId).where('anonymous', '=', 1).execute();
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('suggestions').values(rows.slice(i, i + 200)).execute();
    for (let i = 0; i < messages.length; i += 200) await db.insertInto('suggestion_messages').values(messages.slice(i, i + 200)).execute();
  },

};
