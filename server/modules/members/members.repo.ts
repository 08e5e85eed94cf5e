import { sql, type ExpressionBuilder } from 'kysely';
import type { MemberListQuery } from '../../../common/members';
import type { Db } from '../../db/database';
import type { MembersTable, Tables } from '../../db/tables';

export type MemberRow = MembersTable & { group_name: string | null; has_account: number };
export type MemberFilter = Omit<MemberListQuery, 'page' | 'pageSize' | 'sort'>;

const SORT_COLUMNS = {
  employeeNo: 'm.employee_no',
  name: 'm.name_pinyin',
  joinDate: 'm.join_date',
  birthDate: 'm.birth_date',
  updatedAt: 'm.updated_at',
} as const;

/** A prefix match written as a range, so a plain B-tree index serves it on both databases. */
function prefix(eb: ExpressionBuilder<Tables & { m: MembersTable }, 'm'>, col: 'm.employee_no' | 'm.phone' | 'm.name_initials' | 'm.name_pinyin', q: string) {
  return eb.and([eb(col, '>=', q), eb(col, '<', `${q}\uffff`)]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function base(db: Db, orgId: string) {
  return db
    .selectFrom('members as m')
    .where('m.org_id', '=', orgId)
    .where('m.deleted_at', 'is', null);
}

function filtered(db: Db, orgId: string, f: MemberFilter) {
  let q = base(db, orgId);
  if (f.groupId) q = q.where('m.group_id', '=', f.groupId);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.staffCategory) q = q.where('m.staff_category', '=', f.staffCategory);
  if (f.title) q = q.where('m.title', '=', f.title);
  const text = f.q?.trim();
  if (text) {
    const lower = text.toLowerCase().replace(/\s+/g, '');
    q = q.where((eb) => {
      const ors = [prefix(eb, 'm.employee_no', text), prefix(eb, 'm.employee_no', text.toUpperCase())];
      if (/[\u3400-\u9fff]/.test(text)) ors.push(eb('m.name', 'like', sql<string>`${'%' + escapeLike(text) + '%'} escape '\\'`));
      if (/^\d+$/.test(text)) ors.push(prefix(eb, 'm.phone', text));
      if (/^[a-z]+$/.test(lower)) ors.push(prefix(eb, 'm.name_initials', lower), prefix(eb, 'm.name_pinyin', lower));
      return eb.or(ors);
    });
  }
  return q;
}

function withDisplay<Q extends ReturnType<typeof base>>(q: Q) {
  return q
    .leftJoin('member_groups as g', 'g.id', 'm.group_id')
    .leftJoin('users as u', (j) => j.onRef('u.member_id', '=', 'm.id').onRef('u.org_id', '=', 'm.org_id'))
    .selectAll('m')
    .select(['g.name as group_name', sql<number>`case when u.id is null then 0 else 1 end`.as('has_account')]);
}

export const membersRepo = {
  async list(db: Db, orgId: string, f: MemberListQuery): Promise<{ rows: MemberRow[]; total: number }> {
    const q = filtered(db, orgId, f);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const desc = f.sort.startsWith('-');
    const col = SORT_COLUMNS[f.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    const rows = await withDisplay(q)
      .orderBy(col, desc ? 'desc' : 'asc')
      .orderBy('m.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { rows: rows as MemberRow[], total: Number(total) };
  },

  /** Every matching member for an export, in 工号 order. */
  all: (db: Db, orgId: string, f: MemberFilter) =>
    withDisplay(filtered(db, orgId, f)).orderBy('m.employee_no').execute() as Promise<MemberRow[]>,

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

  insert: (db: Db, row: MembersTable) => db.insertInto('members').values(row).execute(),

  update: (db: Db, orgId: string, id: string, patch: Partial<MembersTable>) =>
    db.updateTable('members').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  countInGroup: async (db: Db, orgId: string, groupId: string) =>
    Number((await base(db, orgId).where('m.group_id', '=', groupId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
};
