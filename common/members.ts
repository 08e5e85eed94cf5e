import { z } from 'zod';
import type { Labels } from './labels';

// Member (会员) fields, enums and labels. Enum values are stable API strings; labels are for people.

export const GENDERS = ['male', 'female'] as const;
export const STAFF_CATEGORIES = ['teacher', 'staff', 'worker', 'other'] as const;
export const TITLES = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const;
export const MEMBER_STATUSES = ['active', 'retired', 'transferred'] as const;
export const HARDSHIP_LEVELS = ['none', 'ordinary', 'severe'] as const;

export type Gender = (typeof GENDERS)[number];
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];
export type Title = (typeof TITLES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];

export const GENDER_LABELS: Labels<Gender> = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } };
export const STAFF_CATEGORY_LABELS: Labels<StaffCategory> = {
  teacher: { zh: '教师', en: 'Teacher' },
  staff: { zh: '职员', en: 'Staff' },
  worker: { zh: '工勤', en: 'Support worker' },
  other: { zh: '其他', en: 'Other' },
};
export const TITLE_LABELS: Labels<Title> = {
  none: { zh: '无', en: 'None' },
  junior: { zh: '初级', en: 'Junior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  associate_senior: { zh: '副高级', en: 'Associate senior' },
  senior: { zh: '正高级', en: 'Senior' },
};
export const MEMBER_STATUS_LABELS: Labels<MemberStatus> = {
  active: { zh: '在职', en: 'Active' },
  retired: { zh: '退休', en: 'Retired' },
  transferred: { zh: '调离', en: 'Transferred' },
};
export const HARDSHIP_LABELS: Labels<HardshipLevel> = {
  none: { zh: '无', en: 'None' },
  ordinary: { zh: '一般困难', en: 'In hardship' },
  severe: { zh: '特困', en: 'Severe hardship' },
};
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const isoDate = z.string().refine(isIsoDate, { message: 'err.date' });
const optionalDate = isoDate.nullable().optional();

export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const EMPLOYEE_NO_RE = /^[A-Za-z0-9-]{1,32}$/;

const trimmed = (max: number) => z.string().trim().max(max, { message: 'err.too_long' });

// Fields without defaults: a PATCH must carry only what the caller sent (zod 4 fills defaults even
// inside .partial(), which would silently reset status, title… on every edit).
const memberFields = z.object({
  employeeNo: z.string().trim().regex(EMPLOYEE_NO_RE, { message: 'err.employee_no' }),
  name: z.string().trim().min(1, { message: 'err.name' }).max(40, { message: 'err.name' }),
  gender: z.enum(GENDERS, { message: 'err.enum' }).nullable().optional(),
  birthDate: optionalDate,
  phone: z.string().trim().regex(PHONE_RE, { message: 'err.phone' }).nullable().optional(),
  department: trimmed(60).nullable().optional(),
  staffCategory: z.enum(STAFF_CATEGORIES, { message: 'err.enum' }),
  title: z.enum(TITLES, { message: 'err.enum' }),
  politicalStatus: trimmed(20).nullable().optional(),
  hireDate: optionalDate,
  joinDate: optionalDate,
  status: z.enum(MEMBER_STATUSES, { message: 'err.enum' }),
  groupId: z.string().max(64).nullable().optional(),
  hardshipLevel: z.enum(HARDSHIP_LEVELS, { message: 'err.enum' }),
});
export const memberInput = memberFields.extend({
  staffCategory: memberFields.shape.staffCategory.default('teacher'),
  title: memberFields.shape.title.default('none'),
  status: memberFields.shape.status.default('active'),
  hardshipLevel: memberFields.shape.hardshipLevel.default('none'),
});
export type MemberInput = z.infer<typeof memberInput>;
export const memberPatch = memberFields.partial();

export interface Member {
  id: string;
  employeeNo: string;
  name: string;
  namePinyin: string;
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  department: string | null;
  staffCategory: StaffCategory;
  title: Title;
  politicalStatus: string | null;
  hireDate: string | null;
  joinDate: string | null;
  status: MemberStatus;
  groupId: string | null;
  groupName: string | null;
  hardshipLevel: HardshipLevel;
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
}

export const MEMBER_SORTS = ['employeeNo', '-employeeNo', 'name', '-name', 'joinDate', '-joinDate', 'birthDate', '-birthDate', 'updatedAt', '-updatedAt'] as const;

export const memberListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  groupId: z.string().max(64).optional(),
  status: z.enum(MEMBER_STATUSES, { message: 'err.enum' }).optional(),
  staffCategory: z.enum(STAFF_CATEGORIES, { message: 'err.enum' }).optional(),
  title: z.enum(TITLES, { message: 'err.enum' }).optional(),
  sort: z.enum(MEMBER_SORTS, { message: 'err.enum' }).default('employeeNo'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

/** Columns of the roster file, in export order; the import accepts these and many synonyms. */
export const ROSTER_COLUMNS = [
  { field: 'employeeNo', header: '工号' },
  { field: 'name', header: '姓名' },
  { field: 'gender', header: '性别' },
  { field: 'birthDate', header: '出生日期' },
  { field: 'phone', header: '手机号' },
  { field: 'department', header: '部门' },
  { field: 'staffCategory', header: '岗位类别' },
  { field: 'title', header: '职称' },
  { field: 'politicalStatus', header: '政治面貌' },
  { field: 'hireDate', header: '入职日期' },
  { field: 'joinDate', header: '入会日期' },
  { field: 'status', header: '状态' },
  { field: 'group', header: '工会小组' },
  { field: 'hardshipLevel', header: '困难职工' },
] as const;
export type RosterField = (typeof ROSTER_COLUMNS)[number]['field'];

export interface ImportError {
  row: number;
  column: string;
  message: string;
}
export interface ImportPreviewRow {
  row: number;
  employeeNo: string;
  name: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  values: Record<string, string>;
}
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  groupsCreated: number;
  skipped: number;
  dryRun: boolean;
  errors: ImportError[];
  preview?: ImportPreviewRow[];
}
