import type { AliasedSelectQueryBuilder, Selectable } from 'kysely';
import type { CaseListQuery } from '../../../common/cases';
import { compiledQuery } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { CaseEventsTable, CasesTable } from '../../db/tables';

/** Whose cases a list shows: the member's own, the ones forwarded to a handler, or the union's all. */
export type CaseScope = { memberId: string } | { handlerUserId: string } | 'all';

/** The school's cases under alias c: the table, or one page of it already ordered and cut. */
type From = 'cases as c' | AliasedSelectQueryBuilder<Selectable<CasesTable>, 'c'>;

function withNames(db: Db, orgId: string, from: From = 'cases as c') {
  return (
    // A page has exactly the table's columns under the same alias, so it is typed as the table.
    db
      .selectFrom(from as 'cases as c')
      // Every join within the school, so that PostgreSQL reads the school's rows by index (see disclosures.repo).
      .leftJoin('members as m', (j) => j.onRef('m.id', '=', 'c.member_id').on('m.org_id', '=', orgId))
      .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'c.department_id').on('d.org_id', '=', orgId))
      .leftJoin('users as h', (j) => j.onRef('h.id', '=', 'c.handler_user_id').on('h.org_id', '=', orgId))
      .leftJoin('members as hm', (j) => j.onRef('hm.id', '=', 'h.member_id').on('hm.org_id', '=', orgId))
      .where('c.org_id', '=', orgId)
  );
}
type Base = ReturnType<typeof withNames>;

const display = (q: Base) => q.selectAll('c').select((eb) => ['m.name as member_name', 'd.name as department_name', eb.fn.coalesce('hm.name', 'h.username').as('handler_name')]);
export type CaseRow = CasesTable & { member_name: string | null; department_name: string | null; handler_name: string | null };

function scoped(q: Base, scope: CaseScope): Base {
  if (scope === 'all') return q;
  if ('memberId' in scope) return q.where('c.member_id', '=', scope.memberId);
  // A handler sees a case once it was forwarded to them, and keeps seeing it after they answered.
  return q.where('c.handler_user_id', '=', scope.handlerUserId).where('c.forwarded_on', 'is not', null);
}

// A case's page and every step on it, compiled once (db/compiled.ts): building the five-table join cost
// Kysely more than SQLite takes to run it.
const findOne = compiledQuery((db, p: { orgId: string; id: string }) => display(withNames(db, p.orgId).where('c.id', '=', p.id)));
const timeline = compiledQuery((db, p: { orgId: string; caseId: string }) =>
  db.selectFrom('case_events').selectAll().where('org_id', '=', p.orgId).where('case_id', '=', p.caseId).orderBy('at').orderBy('id'),
);

export const casesRepo = {
  insert: (db: Db, row: CasesTable) => db.insertInto('cases').values(row).execute(),

  find: async (db: Db, orgId: string, id: string): Promise<CaseRow | undefined> => (await findOne(db, { orgId, id }))[0] as CaseRow | undefined,

  update: (db: Db, orgId: string, id: string, patch: Partial<CasesTable>) => db.updateTable('cases').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  async list(db: Db, orgId: string, scope: CaseScope, f: CaseListQuery, today: string): Promise<{ rows: CaseRow[]; total: number }> {
    let q = scoped(withNames(db, orgId), scope);
    if (f.state) q = q.where('c.state', '=', f.state);
    if (f.category) q = q.where('c.category', '=', f.category);
    if (f.open) q = q.where('c.state', '!=', 'closed');
    if (f.overdue) q = q.where('c.state', '=', 'forwarded').where('c.deadline', '<', today);
    if (f.q) {
      const like = `%${f.q}%`;
      q = q.where((eb) => eb.or([eb('c.title', 'like', like), eb('c.content', 'like', like), eb('m.name', 'like', like)]));
    }
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    // Overdue first, then the open ones, then the closed; newest first within each.
    const ordered = <Q extends Base>(x: Q) =>
      x
        .orderBy((eb) =>
          eb
            .case()
            .when(eb.and([eb('c.state', '=', 'forwarded'), eb('c.deadline', '<', today)]))
            .then(0)
            .when('c.state', '=', 'closed')
            .then(2)
            .else(1)
            .end(),
        )
        .orderBy('c.raised_on', 'desc')
        .orderBy('c.id', 'desc') as Q;
    // The page is cut from the cases alone and only its rows are joined to their names: joined first,
    // PostgreSQL hashes every member and account of the school (~3× slower, city data).
    const page = ordered(q.selectAll('c')).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
    const rows = await ordered(display(withNames(db, orgId, page.as('c')))).execute();
    return { rows: rows as CaseRow[], total: Number(total) };
  },

  /** Raised within [from, to), for the figures and the export. */
  forPeriod: async (db: Db, orgId: string, from: string, to: string): Promise<CaseRow[]> =>
    (await display(withNames(db, orgId).where('c.raised_on', '>=', from).where('c.raised_on', '<', to))
      .orderBy('c.raised_on')
      .orderBy('c.id')
      .execute()) as CaseRow[],

  bySource: (db: Db, orgId: string, kind: string, sourceId: string) =>
    db.selectFrom('cases').select('id').where('org_id', '=', orgId).where('source_kind', '=', kind).where('source_id', '=', sourceId).executeTakeFirst(),

  insertEvent: (db: Db, row: CaseEventsTable) => db.insertInto('case_events').values(row).execute(),

  events: (db: Db, orgId: string, caseId: string) => timeline(db, { orgId, caseId }),

  member: (db: Db, orgId: string, memberId: string) => db.selectFrom('members').select(['id', 'name']).where('org_id', '=', orgId).where('id', '=', memberId).where('deleted_at', 'is', null).executeTakeFirst(),

  /** An account of the school with its roles, to check a handler may answer cases. */
  account: (db: Db, orgId: string, userId: string) => db.selectFrom('users').select(['id', 'roles', 'disabled']).where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst(),

  /** The member behind a named suggestion's writer; null for an anonymous one (it has no writer). */
  async suggestionWriterMember(db: Db, orgId: string, suggestionId: string): Promise<string | null> {
    const row = await db
      .selectFrom('suggestions as s')
      .innerJoin('users as u', 'u.id', 's.writer_user_id')
      .select('u.member_id')
      .where('s.org_id', '=', orgId)
      .where('s.id', '=', suggestionId)
      .where('s.anonymous', '=', 0)
      .executeTakeFirst();
    return row?.member_id ?? null;
  },
};
