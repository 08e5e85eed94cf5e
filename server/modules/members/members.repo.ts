import { sql } from 'kysely';
import type { MemberListQuery } from '../../../common/members';
import { compiledQuery, pageOf, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import { nameSearchKeys } from '../../lib/pinyin';
import type { MembersTable } from '../../db/tables';

export type MemberRow = MembersTable & { group_name: string | null; has_account: number };
export type MemberFilter = Omit<MemberListQuery, 'page' | 'pageSize' | 'sort'>;

const SORT_COLUMNS = {
  employeeNo: 'm.employee_no',
  name: 'm.name_pinyin',
  joinDate: 'm.join_date',
  birthDate: 'm.birth_date',
  updatedAt: 'm.updated_at',
} as const;

/**
 * Ids of the org's members whose `col` starts with `q` (`end` is `q` + U+FFFF), written as a range so
 * that a B-tree index whose leading columns are (org_id, col) answers it on both databases.
 */
const startsWith = (db: Db, orgId: string, col: 'employee_no' | 'phone', q: string, end: string) =>
  db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null) // lets the 工号 lookup use the partial unique index
    .where(col, '>=', q)
    .where(col, '<', end);

const nameKeyStartsWith = (db: Db, orgId: string, q: string, end: string) =>
  db.selectFrom('member_search_keys').select('member_id as id').where('org_id', '=', orgId).where('key', '>=', q).where('key', '<', end);

/** Which parts a member query has: the SQL's shape, one compiled query each (see `membersRepo.list`). */
interface Shape {
  search: boolean;
  phone: boolean;
  groupId: boolean;
  status: boolean;
  staffCategory: boolean;
  title: boolean;
}
/** The values a member query binds, each only ever a parameter of its SQL. */
interface Values {
  [name: string]: string | number;
  orgId: string;
  text: string;
  textEnd: string;
  upper: string;
  upperEnd: string;
  key: string;
  keyEnd: string;
  groupId: string;
  status: string;
  staffCategory: string;
  title: string;
}

function shapeAndValues(orgId: string, f: MemberFilter): { shape: Shape; values: Values } {
  const text = f.q?.trim() ?? '';
  const key = text.toLowerCase().replace(/\s+/g, '');
  const upper = text.toUpperCase();
  return {
    shape: { search: !!text, phone: /^\d+$/.test(text), groupId: !!f.groupId, status: !!f.status, staffCategory: !!f.staffCategory, title: !!f.title },
    values: { orgId, text, textEnd: `${text}\uffff`, upper, upperEnd: `${upper}\uffff`, key, keyEnd: `${key}\uffff`, groupId: f.groupId ?? '', status: f.status ?? '', staffCategory: f.staffCategory ?? '', title: f.title ?? '' },
  };
}

/**
 * The search box: 工号 and 手机号 from the start, and the name anywhere — in characters, pinyin or
 * initials — through its suffix keys. A UNION of indexed lookups: an OR of ranges makes both planners
 * scan the whole organisation.
 */
function searchIds(db: Db, s: Shape, v: Values) {
  const branches = [startsWith(db, v.orgId, 'employee_no', v.text, v.textEnd), startsWith(db, v.orgId, 'employee_no', v.upper, v.upperEnd), nameKeyStartsWith(db, v.orgId, v.key, v.keyEnd)];
  if (s.phone) branches.push(startsWith(db, v.orgId, 'phone', v.text, v.textEnd));
  return branches.reduce((all, b) => all.union(b));
}

function base(db: Db, orgId: string) {
  return db
    .selectFrom('members as m')
    .where('m.org_id', '=', orgId)
    .where('m.deleted_at', 'is', null);
}

function filtered(db: Db, s: Shape, v: Values) {
  // With a search, rows are driven from the org-scoped id lookups; an extra org_id test on the outer
  // query would tempt SQLite into scanning the whole organisation and probing the id list per row.
  let q = s.search ? db.selectFrom('members as m').where('m.id', 'in', searchIds(db, s, v)).where('m.deleted_at', 'is', null) : base(db, v.orgId);
  if (s.groupId) q = q.where('m.group_id', '=', v.groupId);
  if (s.status) q = q.where('m.status', '=', v.status);
  if (s.staffCategory) q = q.where('m.staff_category', '=', v.staffCategory);
  if (s.title) q = q.where('m.title', '=', v.title);
  return q;
}

function withDisplay<Q extends ReturnType<typeof base>>(q: Q) {
  return q
    .leftJoin('member_groups as g', 'g.id', 'm.group_id')
    .leftJoin('users as u', (j) => j.onRef('u.member_id', '=', 'm.id').onRef('u.org_id', '=', 'm.org_id'))
    .selectAll('m')
    .select(['g.name as group_name', sql<number>`case when u.id is null then 0 else 1 end`.as('has_account')]);
}

// The list and the search box are asked on every keystroke: their queries are built and compiled by Kysely
// once per shape and sort (db/compiled.ts), at most a few hundred of them.
const listQueries = perShape(JSON.stringify, ({ shape, sort }: { shape: Shape; sort: MemberListQuery['sort'] }) => {
  const desc = sort.startsWith('-');
  const col = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  return {
    total: compiledQuery((db, p: Values) => filtered(db, shape, p).select((eb) => eb.fn.countAll<number>().as('total'))),
    rows: compiledQuery((db, p: Values & { limit: number; offset: number }) =>
      withDisplay(filtered(db, shape, p))
        .orderBy(col, desc ? 'desc' : 'asc')
        // id in the same direction, so a descending page walks the (org_id, column, id) index backwards.
        .orderBy('m.id', desc ? 'desc' : 'asc')
        .limit(p.limit)
        .offset(p.offset),
    ),
  };
});

export const membersRepo = {
  async list(db: Db, orgId: string, f: MemberListQuery): Promise<{ rows: MemberRow[]; total: number }> {
    const { shape, values } = shapeAndValues(orgId, f);
    const { rows, total } = await pageOf(db, listQueries({ shape, sort: f.sort }), values, f);
    return { rows: rows as MemberRow[], total };
  },

  /** Every matching member for an export, in 工号 order. */
  all: (db: Db, orgId: string, f: MemberFilter) => {
    const { shape, values } = shapeAndValues(orgId, f);
    return withDisplay(filtered(db, shape, values)).orderBy('m.employee_no').execute() as Promise<MemberRow[]>;
  },

  find: async (db: Db, orgId: string, id: string, includeDeleted = false) => {
    let q = db
      .selectFrom('members as m')
      .where('m.org_id', '=', orgId)
      .where('m.id', '=', id);
    if (!includeDeleted) q = q.where('m.deleted_at', 'is', null);
    return (await withDisplay(q as ReturnType<typeof base>).executeTakeFirst()) as MemberRow | undefined;
  },

  findByEmployeeNo: (db: Db, orgId: string, employeeNo: string) =>
    base(db, orgId).selectAll('m').where('m.employee_no', '=', employeeNo).executeTakeFirst(),

  /** Active members of the org keyed by 工号, for the import's upsert. */
  async byEmployeeNos(db: Db, orgId: string, nos: string[]): Promise<Map<string, MembersTable>> {
    const out = new Map<string, MembersTable>();
    for (let i = 0; i < nos.length; i += 500) {
      const rows = await base(db, orgId).selectAll('m').where('m.employee_no', 'in', nos.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.employee_no, r);
    }
    return out;
  },

  existingIds: async (db: Db, orgId: string, ids: string[]) =>
    ids.length === 0 ? [] : (await base(db, orgId).select('m.id').where('m.id', 'in', ids).execute()).map((r) => r.id),

  insert: (db: Db, row: MembersTable) => membersRepo.insertMany(db, [row]),

  /** Inserts members with their search keys, a few hundred rows per statement (a roster import). */
  async insertMany(db: Db, rows: MembersTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('members').values(rows.slice(i, i + 1000)).execute();
    const keys = rows.flatMap((r) => nameSearchKeys(r.name).map((key) => ({ org_id: r.org_id, key, member_id: r.id })));
    for (let i = 0; i < keys.length; i += 5000) await db.insertInto('member_search_keys').values(keys.slice(i, i + 5000)).execute();
  },

  /** Updates a member; a new name refreshes its search keys in the same transaction. */
  async update(db: Db, orgId: string, id: string, patch: Partial<MembersTable>): Promise<void> {
    await db.updateTable('members').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
    if (patch.name !== undefined) {
      await db.deleteFrom('member_search_keys').where('org_id', '=', orgId).where('member_id', '=', id).execute();
      const keys = nameSearchKeys(patch.name).map((key) => ({ org_id: orgId, key, member_id: id }));
      if (keys.length) await db.insertInto('member_search_keys').values(keys).execute();
    }
  },

  countInGroup: async (db: Db, orgId: string, groupId: string) =>
    Number((await base(db, orgId).where('m.group_id', '=', groupId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
};
