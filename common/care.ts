import { z } from 'zod';
import { isoDate } from './members';
import { BATCH_SCOPES, CARE_FORMS, CARE_TYPES, FESTIVALS, type BatchScope, type CareForm, type CareType, type Festival } from './care.labels';
import type { OrgSettings } from './orgs';

export * from './care.labels';

// 慰问 (care records), issue 5 and DOMAIN.md "Rules with numbers". Caps are data per school
// (OrgSettings.careCaps, seeded from 皖工发〔2025〕18号); docs/rules.md "慰问与经费" cites each one and
// defines the two words the rules hang on: a "year" is the calendar year of the record's date, and
// "the same illness" is the same normalised reason text (illnessKey below) for the same member.

export type CareCaps = OrgSettings['careCaps'];
export type CapKey = keyof CareCaps;

/**
 * Which cap a type falls under, and how it counts: `event` caps each record, `year` caps the
 * member's total of that kind in the calendar year. 丧事 of the member and of a relative share the
 * one 丧事 cap; 其他 has none in the Anhui table (the reason is then required instead).
 */
export const CAP_OF: Record<CareType, { key: CapKey; per: 'event' | 'year' } | null> = {
  hospital: { key: 'hospital', per: 'event' },
  childbirth: { key: 'childbirth', per: 'event' },
  wedding: { key: 'wedding', per: 'event' },
  bereavement: { key: 'bereavement', per: 'event' },
  bereavement_family: { key: 'bereavement', per: 'event' },
  retirement: { key: 'retirement', per: 'event' },
  birthday: { key: 'birthday', per: 'year' },
  festival: { key: 'festivalPerYear', per: 'year' },
  other: null,
};

/**
 * The same illness: the reason text in NFKC (full-width letters and digits fold to half-width),
 * lower case, without spaces and punctuation — so "肺炎", " 肺炎。" and "肺炎 " are one illness,
 * while "肺炎" and "肺部感染" are two. The form offers the year's earlier reasons to pick from.
 */
export function illnessKey(reason: string): string {
  return reason
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

// 节日. 春节, 端午, 中秋 and 重阳 follow the lunar calendar; the table below is the official calendar
// (紫金山天文台) for 2024–2035, checked in care.calendar.test.ts against ICU's Chinese calendar.
const SOLAR: Partial<Record<Festival, string>> = { new_year: '01-01', womens_day: '03-08', labour_day: '05-01', teachers_day: '09-10', national_day: '10-01' };
type Lunar = 'spring' | 'dragon_boat' | 'mid_autumn' | 'double_ninth';
export const LUNAR_DATES: Record<number, Record<Lunar, string>> = {
  2024: { spring: '02-10', dragon_boat: '06-10', mid_autumn: '09-17', double_ninth: '10-11' },
  2025: { spring: '01-29', dragon_boat: '05-31', mid_autumn: '10-06', double_ninth: '10-29' },
  2026: { spring: '02-17', dragon_boat: '06-19', mid_autumn: '09-25', double_ninth: '10-18' },
  2027: { spring: '02-06', dragon_boat: '06-09', mid_autumn: '09-15', double_ninth: '10-08' },
  2028: { spring: '01-26', dragon_boat: '05-28', mid_autumn: '10-03', double_ninth: '10-26' },
  2029: { spring: '02-13', dragon_boat: '06-16', mid_autumn: '09-22', double_ninth: '10-16' },
  2030: { spring: '02-03', dragon_boat: '06-05', mid_autumn: '09-12', double_ninth: '10-05' },
  2031: { spring: '01-23', dragon_boat: '06-24', mid_autumn: '10-01', double_ninth: '10-24' },
  2032: { spring: '02-11', dragon_boat: '06-12', mid_autumn: '09-19', double_ninth: '10-12' },
  2033: { spring: '01-31', dragon_boat: '06-01', mid_autumn: '09-08', double_ninth: '10-01' },
  2034: { spring: '02-19', dragon_boat: '06-20', mid_autumn: '09-27', double_ninth: '10-20' },
  2035: { spring: '02-08', dragon_boat: '06-10', mid_autumn: '09-16', double_ninth: '10-09' },
};
/** The festivals on which retirees are visited (DOMAIN.md: 重大节日例行慰问退休教师); the 工作台 reminds of the next. */
export const VISIT_FESTIVALS: readonly Festival[] = ['spring', 'dragon_boat', 'teachers_day', 'mid_autumn', 'double_ninth'];

/** The festival's date in `year` (YYYY-MM-DD); null for a lunar festival outside the table. */
export function festivalDate(festival: Festival, year: number): string | null {
  const md = SOLAR[festival] ?? LUNAR_DATES[year]?.[festival as Lunar];
  return md ? `${year}-${md}` : null;
}

/** The first of `festivals` on or after `today`, looking into the next year too. */
export function nextFestival(today: string, festivals: readonly Festival[] = VISIT_FESTIVALS): { festival: Festival; date: string } | null {
  const year = Number(today.slice(0, 4));
  const dates = [year, year + 1].flatMap((y) => festivals.map((festival) => ({ festival, date: festivalDate(festival, y) })));
  const next = dates.filter((d): d is { festival: Festival; date: string } => d.date !== null && d.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
  return next ?? null;
}

/** A 节日 visit counts for the festival when dated up to this many days before it (or a few days after). */
export const FESTIVAL_WINDOW = { before: 60, after: 15 };

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max, { message: 'err.too_long' });
const optionalText = (max: number) => text(max).transform((s) => s || undefined).optional();
/** Money in 分, at least 1 分 and at most 100 万元 per record. */
export const fen = z.number({ message: 'err.invalid' }).int({ message: 'err.invalid' }).min(1, { message: 'err.care_amount' }).max(100_000_000, { message: 'err.care_amount' });

export const careRecordInput = z
  .object({
    memberId: id,
    type: z.enum(CARE_TYPES, { message: 'err.enum' }),
    date: isoDate,
    amount: fen,
    /** The illness for 生病住院 (required there); what it was for, for 其他 (required there). */
    reason: optionalText(200),
    /** Default: 实物 for 节日 (the only form allowed there), 慰问金 otherwise. */
    form: z.enum(CARE_FORMS, { message: 'err.enum' }).optional(),
    /** What was given, for 实物 (月饼一盒…). */
    item: optionalText(100),
    festival: z.enum(FESTIVALS, { message: 'err.enum' }).optional(),
    /** 住院: the stay; admitted defaults to the visit's date, discharged stays open until set. */
    admittedOn: isoDate.optional(),
    dischargedOn: isoDate.optional(),
    visitors: optionalText(200),
    note: optionalText(500),
    /** The chair records above a cap, where the school allows it, with a written reason. */
    override: z.boolean().optional(),
    overrideReason: optionalText(500),
  })
  .superRefine((r, ctx) => {
    if (r.type === 'hospital' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.care_illness_required' });
    if (r.type === 'other' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.care_reason_required' });
    if (r.override && !r.overrideReason) ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'err.care_override_reason' });
    if (r.admittedOn && r.dischargedOn && r.dischargedOn < r.admittedOn) ctx.addIssue({ code: 'custom', path: ['dischargedOn'], message: 'err.care_discharge_before' });
  });
export type CareRecordInput = z.infer<typeof careRecordInput>;

/** What can change on a record without touching money: the stay, who went, notes. Amounts change by voiding. */
export const careRecordPatch = z.object({
  dischargedOn: isoDate.nullable().optional(),
  visitors: text(200).nullable().optional(),
  note: text(500).nullable().optional(),
});
export const careVoidInput = z.object({ reason: z.string().trim().min(1, { message: 'err.required' }).max(200, { message: 'err.too_long' }) });

export const careListQuery = z.object({
  q: z.string().trim().max(40).optional(),
  memberId: id.optional(),
  type: z.enum(CARE_TYPES, { message: 'err.enum' }).optional(),
  festival: z.enum(FESTIVALS, { message: 'err.enum' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CareListQuery = z.infer<typeof careListQuery>;
export const careYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export interface CareRecord {
  id: string;
  memberId: string;
  memberName: string;
  employeeNo: string;
  department: string | null;
  type: CareType;
  date: string;
  year: number;
  amount: number;
  form: CareForm;
  item: string | null;
  festival: Festival | null;
  reason: string | null;
  admittedOn: string | null;
  dischargedOn: string | null;
  visitors: string | null;
  note: string | null;
  overrideReason: string | null;
  batchId: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** A member's 慰问 in one calendar year, against the school's caps: what the form shows before submitting. */
export interface CareStanding {
  memberId: string;
  memberName: string;
  year: number;
  caps: CareCaps;
  allowOverride: boolean;
  /** Sum in 分 and count of this year's records, per type. */
  given: Record<CareType, { amount: number; count: number }>;
  /** This year's 住院 慰问, to spot (and pick) the same illness. */
  illnesses: { reason: string; date: string; amount: number }[];
}

/** 节日慰问 for a group: the same goods to each, checked against every cap before anything is written. */
export const careBatchInput = z
  .object({
    festival: z.enum(FESTIVALS, { message: 'err.enum' }),
    date: isoDate,
    scope: z.enum(BATCH_SCOPES, { message: 'err.enum' }),
    groupId: id.optional(),
    memberIds: z.array(id).max(2000).optional(),
    /** Taken out of the group after the preview named them as over a cap. */
    exclude: z.array(id).max(2000).default([]),
    /** The value of the goods per person, in 分. */
    amount: fen,
    item: z.string().trim().min(1, { message: 'err.required' }).max(100, { message: 'err.too_long' }),
    visitors: optionalText(200),
    note: optionalText(500),
  })
  .superRefine((b, ctx) => {
    if (b.scope === 'group' && !b.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'err.required' });
    if (b.scope === 'picked' && !b.memberIds?.length) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'err.care_batch_empty' });
  });
export type CareBatchInput = z.infer<typeof careBatchInput>;

export interface BatchPreviewRow {
  memberId: string;
  name: string;
  employeeNo: string;
  department: string | null;
  /** This year's 节日慰问 before this batch, in 分. */
  given: number;
  /** The refusal this row would get; null when within every cap. */
  problem: string | null;
}
export interface BatchPreview {
  rows: BatchPreviewRow[];
  count: number;
  /** Sum for the rows within the caps, in 分. */
  total: number;
  exceeding: number;
  cap: number;
}

export interface CareBatch {
  id: string;
  festival: Festival;
  date: string;
  scope: BatchScope;
  groupName: string | null;
  item: string;
  amount: number;
  count: number;
  total: number;
  visitors: string | null;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface CareReminders {
  today: string;
  /** Birthdays this month (active and retired members), with whether this year's 生日慰问 is recorded. */
  birthdays: { memberId: string; name: string; department: string | null; birthDate: string; visited: boolean }[];
  /** 住院 records whose stay has no discharge date yet. */
  inHospital: { recordId: string; memberId: string; name: string; department: string | null; admittedOn: string; reason: string | null }[];
  /** The next visiting festival and the retirees with no 节日 record for it yet. */
  festival: { festival: Festival; date: string; daysLeft: number; retirees: number; notVisited: { memberId: string; name: string }[]; notVisitedCount: number } | null;
}
