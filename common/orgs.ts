import { z } from 'zod';
import { password, username } from './auth';

// Per-school settings that later rules read (DOMAIN.md "Rules with numbers"). Defaults live here,
// once, so a school that never opened the settings page still gets the documented behaviour.

/** 慰问 caps in 分, seeded from Anhui 2025 (皖工发〔2025〕18号); caps are data per organisation. */
export const DEFAULT_CARE_CAPS = {
  festivalPerYear: 220000, // 节日慰问 ≤ 2200 元/人/年
  birthday: 50000, // 生日 ≤ 500 元
  hospital: 200000, // 生病住院 ≤ 2000 元, once per illness per year
  childbirth: 200000, // 生育
  wedding: 200000, // 结婚
  bereavement: 200000, // 丧事
  retirement: 200000, // 退休
  hardshipOneOff: 200000, // 困难帮扶 ≤ 2000 元 one-off
};

const capsShape = z.object({
  festivalPerYear: z.number().int().min(0),
  birthday: z.number().int().min(0),
  hospital: z.number().int().min(0),
  childbirth: z.number().int().min(0),
  wedding: z.number().int().min(0),
  bereavement: z.number().int().min(0),
  retirement: z.number().int().min(0),
  hardshipOneOff: z.number().int().min(0),
});

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

// Without defaults, so that a PATCH changes only the settings it names (see memberFields in members.ts).
const settingsFields = z.object({
  timezone: z.string().max(60).refine(isTimeZone, { message: 'err.invalid' }),
  /** 教代会 resolutions pass with > half of this base: all delegates (教育部令第32号) or 应到会代表. */
  quorumBase: z.enum(['all_delegates', 'expected_delegates'], { message: 'err.enum' }),
  /** Schools below this staff size hold a 教职工大会 of all staff instead of a 代表大会 (sources: 80 or 100). */
  assemblyStaffThreshold: z.number().int().min(0).max(10000),
  /** 提案 needs at least this many 附议 co-signers (common practice 2; some schools 3). */
  proposalCoSigners: z.number().int().min(0).max(20),
  /** Evaluation aggregates are shown only with at least this many answers (DOMAIN.md privacy). */
  evaluationMinAnswers: z.number().int().min(2).max(100),
  /** Annual figures and summaries count by 学年 (Sept–Aug) or by calendar year. */
  summaryPeriod: z.enum(['school_year', 'calendar_year'], { message: 'err.enum' }),
  careCaps: capsShape,
  /** Whether the chair may override a 慰问 cap with a written reason. */
  allowCapOverride: z.boolean(),
});
export type OrgSettings = z.infer<typeof settingsFields>;

export const DEFAULT_SETTINGS: OrgSettings = {
  timezone: 'Asia/Shanghai',
  quorumBase: 'all_delegates',
  assemblyStaffThreshold: 80,
  proposalCoSigners: 2,
  evaluationMinAnswers: 5,
  summaryPeriod: 'school_year',
  careCaps: DEFAULT_CARE_CAPS,
  allowCapOverride: false,
};

export const orgSettingsPatch = settingsFields.partial();
/** Stored settings over the defaults: a setting added later reads its default for existing schools. */
export const orgSettings = orgSettingsPatch.transform((v): OrgSettings => ({ ...DEFAULT_SETTINGS, ...v }));


export const ORG_KINDS = ['school', 'union'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const orgUpdateInput = z.object({
  name: z.string().trim().min(2, { message: 'err.required' }).max(80, { message: 'err.too_long' }).optional(),
  settings: orgSettingsPatch.optional(),
});
export const childOrgInput = z.object({
  name: z.string().trim().min(2, { message: 'err.required' }).max(80, { message: 'err.too_long' }),
  kind: z.enum(ORG_KINDS).default('school'),
  /** The new organisation's first administrator (must change the password at first sign-in). */
  admin: z.object({ username, password }),
});

export interface Org {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgKind;
  settings: OrgSettings;
}
