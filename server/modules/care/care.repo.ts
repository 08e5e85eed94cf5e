import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CareListQuery } from '../../../common/care';
import type { Db, Dialect } from '../../db/database';
import { compiledQuery, pageOf, perShape } from '../../db/compiled';
import type { CareBatchesTable, CareRecordsTable, Tables } from '../../db/tables';
import { sumOf } from '../funds/funds.repo';

export interface CareMember {
  id: string;
  name: string;
  employee_no: string;
  department: string | null;
  status: string;
}
export type CareRecordRow = CareRecordsTable & { member_name: string; employee_no: string; department: string | null };

const memberCols = ['m.id', 'm.name', 'm.employee_no', 'm.department', 'm.status'] as const;
const liveMembers = (db: Db, orgId: string) => db.selectFrom('members as m').where('m.org_id', '=', orgId).where('m.deleted_at', 'is', null);
/** The ids of the school's members, deleted ones too (their records stay listed): a search by name. */
const schoolMembers = (db: Db, orgId: string) => db.selectFrom('members as m').select('m.id').where('m.org_id', '=', orgId);

/**
 * One school's records with their member (always of the same school). `join: 'key'` joins by the member's
 * key alone, for a page: PostgreSQL then walks care_records_org_list in order and stops at the page's size
 * (the school-scoped join it misjudges as ~2 rows and sorts the school's every record: 1.4 → 0.7 ms).
 */
function records(db: Db, orgId: string, join: 'school' | 'key' = 'school') {
  return db
    .selectFrom('care_records as r')
    // Within the school: PostgreSQL otherwise hashes every school's members to count a page (17 ms → 1.5 ms).
    .innerJoin('members as m', (j) => {
      const byKey = j.onRef('m.id', '=', 'r.member_id');
      return join === 'school' ? byKey.on('m.org_id', '=', orgId) : byKey;
    })
    .where('r.org_id', '=', orgId)
    .selectAll('r')
    .select(['m.name as member_name', 'm.employee_no', 'm.department']);
}

// Compiled once: a record's page (and each edit) reads it.
const findRecord = compiledQuery((db, p: { orgId: string; id: string }) => records(db, p.orgId).where('r.id', '=', p.id));

type CareFilter = { orgId: string; memberId: string | null; type: string | null; festival: string | null; year: number | null; q: string | null; like: string | null };
type CareShape = { memberId: boolean; type: boolean; festival: boolean; year: boolean; q: boolean };
/**
 * A page of records and its count, compiled once per set of filters (db/compiled.ts): Kysely's building of
 * the two queries cost more than SQLite takes to run them. The conditions are on the record alone (a search
 * matches its member by a subquery), so that the count needs no join: PostgreSQL then counts the school's
 * entries of an org_id index, where a join probed the index once per member among every other school's rows
 * (3-4x slower, and slower the more schools share the database).
 */
const recordPage = perShape(
  (s: CareShape) => Object.keys(s).filter((k) => s[k as keyof CareShape]).join(),
  (shape) => {
    const matches = (db: Db, p: CareFilter) => (eb: ExpressionBuilder<Tables & { r: CareRecordsTable }, 'r'>) => {
      const and: Expression<SqlBool>[] = [eb('r.org_id', '=', p.orgId)];
      if (shape.memberId) and.push(eb('r.member_id', '=', p.memberId!));
      if (shape.type) and.push(eb('r.type', '=', p.type!));
      if (shape.festival) and.push(eb('r.festival', '=', p.festival));
      if (shape.year) and.push(eb('r.year', '=', p.year!));
      if (shape.q) {
        const named = schoolMembers(db, p.orgId).where((m) => m.or([m('m.name', 'like', p.like!), m('m.employee_no', '=', p.q!)]));
        and.push(eb.or([eb('r.member_id', 'in', named), eb('r.reason', 'like', p.like!)]));
      }
      return eb.and(and);
    };
    return {
      total: compiledQuery((db, p: CareFilter) => db.selectFrom('care_records as r').where(matches(db, p)).select((eb) => eb.fn.countAll<number>().as('total'))),
      rows: compiledQuery((db, p: CareFilter & { limit: number; offset: number }) =>
        records(db, p.orgId, 'key').where(matches(db, p)).orderBy('r.date', 'desc').orderBy('r.created_at', 'desc').orderBy('r.id').limit(p.limit).offset(p.offset),
      ),
    };
  },
);

export const careRepo = {
  /**
   * The members a payment is for, locked until the transaction ends so that two payments to the same
   * person are checked against the caps one after the other. PostgreSQL: row locks in id order (no
   * deadlock between two batches). SQLite: the one connection already runs transactions one at a time.
   */
  async lockMembers(trx: Db, dialect: Dialect, orgId: string, ids: string[]): Promise<CareMember[]> {
    if (ids.length === 0) return [];
    const sorted = [...new Set(ids)].sort();
    const out: CareMember[] = [];
    for (let i = 0; i < sorted.length; i += 500) {
      const q = liveMembers(trx, orgId).where('m.id', 'in', sorted.slice(i, i + 500)).select(memberCols).orderBy('m.id');
      out.push(...(await (dialect === 'postgres' ? q.forUpdate() : q).execute()));
    }
    return out;
  },

  members: (db: Db, orgId: string, ids: string[]): Promise<CareMember[]> =>
    ids.length ? liveMembers(db, orgId).where('m.id', 'in', ids).select(memberCols).orderBy('m.employee_no').execute() : Promise.resolve([]),
  retirees: (db: Db, orgId: string): Promise<CareMember[]> => liveMembers(db, orgId).where('m.status', '=', 'retired').select(memberCols).orderBy('m.employee_no').execute(),
  groupMembers: (db: Db, orgId: string, groupId: string): Promise<CareMember[]> =>
    liveMembers(db, orgId).where('m.group_id', '=', groupId).where('m.status', '!=', 'transferred').select(memberCols).orderBy('m.employee_no').execute(),
  groupName: async (db: Db, orgId: string, groupId: string) =>
    (await db.selectFrom('member_groups').select('name').where('org_id', '=', orgId).where('id', '=', groupId).executeTakeFirst())?.name,

  /** This year's payments per member and type (void records left out). */
  yearTotals: (db: Db, orgId: string, memberIds: string[], year: number) =>
    memberIds.length
      ? db
          .selectFrom('care_records')
          .where('org_id', '=', orgId)
          .where('year', '=', year)
          .where('member_id', 'in', memberIds)
          .where('voided_at', 'is', null)
          .groupBy(['member_id', 'type'])
          .select((eb) => ['member_id', 'type', sumOf('amount').as('amount'), eb.fn.countAll<number>().as('count')])
          .execute()
      : Promise.resolve([]),

  /** This year's 住院 payments of a member, for the once-per-illness rule. */
  illnesses: (db: Db, orgId: string, memberId: string, year: number) =>
    db
      .selectFrom('care_records')
      .select(['reason', 'illness_key', 'date', 'amount'])
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .where('type', '=', 'hospital')
      .where('voided_at', 'is', null)
      .orderBy('date')
      .execute(),

  async insertRecords(db: Db, rows: CareRecordsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('care_records').values(rows.slice(i, i + 200)).execute();
  },
  updateRecord: (db: Db, orgId: string, id: string, patch: Partial<CareRecordsTable>) =>
    db.updateTable('care_records').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  findRecord: async (db: Db, orgId: string, id: string): Promise<CareRecordRow | undefined> => (await findRecord(db, { orgId, id }))[0],

  async listRecords(db: Db, orgId: string, f: CareListQuery): Promise<{ rows: CareRecordRow[]; total: number }> {
    const queries = recordPage({ memberId: !!f.memberId, type: !!f.type, festival: !!f.festival, year: !!f.year, q: !!f.q });
    // Wildcards typed into the box are dropped: SQLite's LIKE has no default escape character.
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, '')}%` : null;
    const values: CareFilter = { orgId, memberId: f.memberId ?? null, type: f.type ?? null, festival: f.festival ?? null, year: f.year ?? null, q: f.q ?? null, like };
    return pageOf(db, queries, values, f);
  },

  insertBatch: (db: Db, row: CareBatchesTable) => db.insertInto('care_batches').values(row).execute(),
  findBatch: (db: Db, orgId: string, id: string) => db.selectFrom('care_batches').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  listBatches: (db: Db, orgId: string, year: number) =>
    db.selectFrom('care_batches').selectAll().where('org_id', '=', orgId).where('year', '=', year).orderBy('date', 'desc').orderBy('created_at', 'desc').execute(),
  batchRecords: (db: Db, orgId: string, batchId: string): Promise<CareRecordRow[]> =>
    records(db, orgId).where('r.batch_id', '=', batchId).orderBy('m.employee_no').execute(),

  /** Active and retired members born in month `mm` ('01'–'12'), by day. */
  birthdaysIn: (db: Db, orgId: string, mm: string) =>
    liveMembers(db, orgId)
      .where('m.status', 'in', ['active', 'retired'])
      .where(sql<string>`substr(m.birth_date, 6, 2)`, '=', mm)
      .select(['m.id', 'm.name', 'm.department', 'm.birth_date'])
      .orderBy(sql`substr(m.birth_date, 9, 2)`)
      .orderBy('m.employee_no')
      .execute(),
  /** Members with a record of `type` (and `festival`) dated within [from, to]. */
  visited: async (db: Db, orgId: string, type: string, from: string, to: string, festival?: string): Promise<Set<string>> => {
    let q = db.selectFrom('care_records').select('member_id').distinct().where('org_id', '=', orgId).where('type', '=', type).where('voided_at', 'is', null).where('date', '>=', from).where('date', '<=', to);
    if (festival) q = q.where('festival', '=', festival);
    return new Set((await q.execute()).map((r) => r.member_id));
  },
  /** A member's own records for 我的 (void ones left out), newest first. */
  mine: (db: Db, orgId: string, memberId: string) =>
    db
      .selectFrom('care_records')
      .select(['id', 'type', 'date', 'amount', 'form', 'item', 'festival'])
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('voided_at', 'is', null)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  openStays: (db: Db, orgId: string) =>
    records(db, orgId).where('r.type', '=', 'hospital').where('r.admitted_on', 'is not', null).where('r.discharged_on', 'is', null).where('r.voided_at', 'is', null).orderBy('r.admitted_on').execute(),
};
