import { z } from 'zod';
import { fen } from './care';
import {
  APPLICATION_STATES,
  HARDSHIP_FILE_LEVELS,
  HARDSHIP_FILE_STATUSES,
  HARDSHIP_REASONS,
  PAY_FORMS,
  type ApplicationState,
  type HardshipFileLevel,
  type HardshipFileStatus,
  type HardshipReason,
  type PayForm,
} from './hardship.labels';
import { isoDate } from './members';

export * from './hardship.labels';

// 困难帮扶 (hardship help), issue 5 and DOMAIN.md: a 困难档案 per member and family, applications that go
// committee review → chair approval → payment (posted to the fund ledger), and 送温暖 campaigns.
// Caps are data per school (hardship_caps, editable by the chair); docs/rules.md "困难帮扶" gives the rules
// and docs/privacy.md who may read a file.

/** Caps in 分 per level: each payment, and a member's total in a calendar year. */
export interface HardshipCap {
  perApplication: number;
  perYear: number;
}
export type HardshipCaps = Record<HardshipFileLevel, HardshipCap>;

/**
 * Defaults until the chair sets the school's own. Each payment: 困难帮扶 ≤ 2000 元 one-off (DOMAIN.md,
 * 皖工发〔2025〕18号). A year's total: one such payment for 一般困难, up to three for 特困 — the school's
 * choice, not a provincial figure (docs/rules.md "困难帮扶").
 */
export const DEFAULT_HARDSHIP_CAPS: HardshipCaps = {
  ordinary: { perApplication: 200000, perYear: 200000 },
  severe: { perApplication: 200000, perYear: 600000 },
};

const capAmount = z.number({ message: 'err.invalid' }).int({ message: 'err.invalid' }).min(0, { message: 'err.invalid' }).max(100_000_000, { message: 'err.invalid' });
const capShape = z
  .object({ perApplication: capAmount, perYear: capAmount })
  .refine((c) => c.perApplication <= c.perYear, { path: ['perApplication'], message: 'err.hardship_cap_order' });
export const hardshipCapsInput = z.object({ ordinary: capShape, severe: capShape });

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max, { message: 'err.too_long' });
const required = (max: number) => z.string().trim().min(1, { message: 'err.required' }).max(max, { message: 'err.too_long' });

const fileFields = z.object({
  level: z.enum(HARDSHIP_FILE_LEVELS, { message: 'err.enum' }),
  reasons: z.array(z.enum(HARDSHIP_REASONS, { message: 'err.enum' })).min(1, { message: 'err.hardship_reasons' }).max(HARDSHIP_REASONS.length),
  /** People in the household, the member included. */
  householdSize: z.number({ message: 'err.invalid' }).int({ message: 'err.invalid' }).min(1, { message: 'err.invalid' }).max(30, { message: 'err.invalid' }),
  /** Monthly income per head in 分. */
  incomePerHead: z.number({ message: 'err.invalid' }).int({ message: 'err.invalid' }).min(0, { message: 'err.invalid' }).max(10_000_000, { message: 'err.invalid' }),
  /** The household's situation as the member may read it. */
  situation: text(2000),
  /** The committee's notes: never shown to the member. */
  notes: text(2000),
  /** The next yearly review. */
  reviewOn: isoDate,
});
export const hardshipFileInput = fileFields.extend({ memberId: id, situation: text(2000).default(''), notes: text(2000).default('') });
export type HardshipFileInput = z.infer<typeof hardshipFileInput>;
export const hardshipFilePatch = fileFields.partial();
export type HardshipFilePatch = z.infer<typeof hardshipFilePatch>;
/** 脱困: the file closes with a reason; it can be reopened. */
export const hardshipCloseInput = z.object({ date: isoDate, reason: required(500) });
/** The yearly review was done on `date`: the next one falls a year later. */
export const hardshipReviewedInput = z.object({ date: isoDate, note: text(500).optional() });
export const hardshipReopenInput = z.object({ reviewOn: isoDate });

export const hardshipFileListQuery = z.object({
  status: z.enum(HARDSHIP_FILE_STATUSES, { message: 'err.enum' }).optional(),
  level: z.enum(HARDSHIP_FILE_LEVELS, { message: 'err.enum' }).optional(),
});

export const applicationInput = z.object({
  memberId: id,
  amount: fen,
  reason: required(1000),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

/** 生活福利委员's review: recommend an amount, or reject with a reason. */
export const applicationReviewInput = z
  .object({
    decision: z.enum(['recommend', 'reject'], { message: 'err.enum' }),
    amount: fen.optional(),
    reason: text(1000).optional(),
    /** Internal, for the committee only. */
    note: text(1000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'recommend' && r.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'err.required' });
    if (r.decision === 'reject' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.hardship_reject_reason' });
  });
export type ApplicationReviewInput = z.infer<typeof applicationReviewInput>;

/** The chair's approval: the recommended amount or less, or a rejection with a reason. */
export const applicationApproveInput = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: 'err.enum' }),
    amount: fen.optional(),
    reason: text(1000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'reject' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.hardship_reject_reason' });
  });
export type ApplicationApproveInput = z.infer<typeof applicationApproveInput>;

export const paymentInput = z.object({
  date: isoDate,
  form: z.enum(PAY_FORMS, { message: 'err.enum' }),
  note: text(500).optional(),
});
export type PaymentInput = z.infer<typeof paymentInput>;

export const applicationListQuery = z.object({
  state: z.enum(APPLICATION_STATES, { message: 'err.enum' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const campaignInput = z.object({
  title: required(80),
  date: isoDate,
  levels: z.array(z.enum(HARDSHIP_FILE_LEVELS, { message: 'err.enum' })).min(1, { message: 'err.required' }),
  amount: fen,
  form: z.enum(PAY_FORMS, { message: 'err.enum' }),
  /** Open files left out of the plan. */
  exclude: z.array(id).max(2000).default([]),
  note: text(500).optional(),
});
export type CampaignInput = z.infer<typeof campaignInput>;
export const campaignVisitInput = z.object({ date: isoDate });
export const campaignPayInput = z.object({ date: isoDate });
export const campaignItemParams = z.object({ id, itemId: id });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** Whom the caller may apply for: themself, their 工会小组 (a group leader), anyone (the committee). */
export interface ApplicableMember {
  id: string;
  name: string;
  department: string | null;
}

export interface HardshipPayment {
  id: string;
  date: string;
  amount: number;
  form: PayForm;
  /** The application or the campaign it paid. */
  applicationId: string | null;
  campaignTitle: string | null;
}

/** What the member reads of an application: no committee notes. */
export interface HardshipApplication {
  id: string;
  memberId: string;
  memberName: string;
  department: string | null;
  fileId: string | null;
  amount: number;
  reason: string;
  state: ApplicationState;
  appliedByName: string | null;
  /** On behalf of the member (a group leader or the committee), or by the member. */
  onBehalf: boolean;
  recommendedAmount: number | null;
  approvedAmount: number | null;
  rejectReason: string | null;
  payment: HardshipPayment | null;
  createdAt: string;
  /** Committee only (null for the member): the review note, who reviewed and approved. */
  reviewNote: string | null;
  reviewedByName: string | null;
  approvedByName: string | null;
}

export interface HardshipEvent {
  id: string;
  kind: string;
  at: string;
  actorName: string | null;
  applicationId: string | null;
  data: Record<string, unknown>;
}

export interface HardshipFile {
  id: string;
  memberId: string;
  memberName: string;
  employeeNo: string;
  department: string | null;
  level: HardshipFileLevel;
  reasons: HardshipReason[];
  householdSize: number;
  incomePerHead: number;
  situation: string;
  /** null for the member reading their own file. */
  notes: string | null;
  status: HardshipFileStatus;
  closedOn: string | null;
  closedReason: string | null;
  reviewOn: string;
  lastReviewedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HardshipFileDetail extends HardshipFile {
  applications: HardshipApplication[];
  payments: HardshipPayment[];
  /** Paid this calendar year, against the caps of the file's level. */
  givenThisYear: number;
  cap: HardshipCap;
  /** The trail (committee only; empty for the member). */
  events: HardshipEvent[];
}

export interface CampaignItem {
  id: string;
  memberId: string;
  name: string;
  department: string | null;
  level: HardshipFileLevel;
  visitedOn: string | null;
  paidOn: string | null;
  paidAmount: number | null;
  /** The refusal paying now would get; null when within the caps or paid. */
  problem: string | null;
}
export interface HardshipCampaign {
  id: string;
  title: string;
  date: string;
  levels: HardshipFileLevel[];
  amount: number;
  form: PayForm;
  note: string | null;
  count: number;
  visited: number;
  paid: number;
  paidTotal: number;
  createdByName: string | null;
  createdAt: string;
}
export interface HardshipCampaignDetail extends HardshipCampaign {
  items: CampaignItem[];
}
/** 全部发放: how many were paid and for how much (分), who was left unpaid and why, and the campaign after. */
export interface CampaignPayAllResult {
  paid: number;
  total: number;
  skipped: { name: string; reason: string }[];
  campaign: HardshipCampaignDetail;
}

export interface HardshipReminders {
  today: string;
  /** Open files whose yearly review falls within the next 30 days or has passed. */
  reviews: { fileId: string; name: string; level: HardshipFileLevel; reviewOn: string; overdue: boolean }[];
  toReview: number;
  toApprove: number;
  toPay: number;
}

/** A member's own 慰问 record as they read it under 我的 (no committee notes). */
export interface MyCareRecord {
  id: string;
  type: string;
  date: string;
  amount: number;
  form: string;
  item: string | null;
  festival: string | null;
}

/** 我的帮扶: the member's own file (without committee notes) and applications, and their 慰问. */
export interface MyHardship {
  memberId: string | null;
  file: HardshipFile | null;
  applications: HardshipApplication[];
  payments: HardshipPayment[];
}

/** A year after `date` (29 February falls back to the 28th). */
export function nextReviewDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}
