import type { Gender, HardshipLevel, Member, MemberInput, MemberStatus, StaffCategory, Title } from '../../../common/members';
import type { MembersTable } from '../../db/tables';
import { namePinyin } from '../../lib/pinyin';
import type { MemberRow } from './members.repo';

export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    namePinyin: r.name_pinyin,
    gender: r.gender as Gender | null,
    birthDate: r.birth_date,
    phone: r.phone,
    department: r.department,
    staffCategory: r.staff_category as StaffCategory,
    title: r.title as Title,
    politicalStatus: r.political_status,
    hireDate: r.hire_date,
    joinDate: r.join_date,
    status: r.status as MemberStatus,
    groupId: r.group_id,
    groupName: r.group_name,
    hardshipLevel: r.hardship_level as HardshipLevel,
    hasAccount: r.has_account === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The editable columns of a member, from API field names to column names (only the keys given). */
export function toColumns(input: Partial<MemberInput>): Partial<MembersTable> {
  const out: Partial<MembersTable> = {};
  const set = <K extends keyof MembersTable>(k: K, v: MembersTable[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('employee_no', input.employeeNo);
  if (input.name !== undefined) {
    out.name = input.name;
    out.name_pinyin = namePinyin(input.name);
  }
  set('gender', input.gender);
  set('birth_date', input.birthDate);
  set('phone', input.phone);
  set('department', input.department);
  set('staff_category', input.staffCategory);
  set('title', input.title);
  set('political_status', input.politicalStatus);
  set('hire_date', input.hireDate);
  set('join_date', input.joinDate);
  set('status', input.status);
  set('group_id', input.groupId);
  set('hardship_level', input.hardshipLevel);
  return out;
}

/** The columns of `patch` whose values differ from `row` (what an update would really change). */
export function changedColumns(row: MembersTable, patch: Partial<MembersTable>): Partial<MembersTable> {
  const out: Partial<MembersTable> = {};
  for (const [k, v] of Object.entries(patch) as [keyof MembersTable, never][]) {
    if ((row[k] ?? null) !== (v ?? null)) out[k] = v;
  }
  return out;
}

/** Audit snapshot: the row as people read it, without the derived sort key. */
export function auditView(r: Partial<MembersTable>): Record<string, unknown> {
  const { name_pinyin: _p, ...rest } = r;
  return rest;
}
