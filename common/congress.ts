import { z } from 'zod';
import { isoDate } from './members';

// 教代会 (staff congress). Rules from 《学校教职工代表大会规定》(教育部令第32号, in force 2012-01-01);
// see docs/rules.md. Each number is a named constant here, read by the server and shown by the web.

/** Term (届) length in years: 3 or 5 (DOMAIN.md; 教育部令第32号 sets terms of 3 to 5 years). */
export const TERM_YEARS = [3, 5] as const;
/** Teachers must be at least 60% of delegates (教育部令第32号). */
export const TEACHER_SHARE_MIN = 0.6;
/** Quorum: at least two thirds of all delegates present (教育部令第32号). */
export const QUORUM_NUMERATOR = 2;
export const QUORUM_DENOMINATOR = 3;
/** An extra session when at least one third of delegates ask (教育部令第32号). */
export const EXTRA_SESSION_SHARE = 1 / 3;

/** ⌈2/3 × delegates⌉, in integers so 45 delegates need exactly 30. */
export const quorumRequired = (delegates: number): number => Math.ceil((delegates * QUORUM_NUMERATOR) / QUORUM_DENOMINATOR);
/** "More than half" of a base: the smallest count strictly above base/2. */
export const majorityThreshold = (base: number): number => Math.floor(base / 2) + 1;

export const VOTE_KINDS = ['resolution', 'election'] as const;
export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export type VoteStatus = (typeof VOTE_STATUSES)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const AGENDA_KINDS = ['work_report', 'finance_report', 'proposal_report', 'election', 'resolution', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_KIND_LABELS: Record<AgendaKind, { zh: string; en: string }> = {
  work_report: { zh: '工作报告', en: 'Work report' },
  finance_report: { zh: '财务报告', en: 'Financial report' },
  proposal_report: { zh: '提案办理情况报告', en: 'Report on proposals handled' },
  election: { zh: '选举', en: 'Election' },
  resolution: { zh: '决议', en: 'Resolution' },
  other: { zh: '其他', en: 'Other' },
};
export const VOTE_CHOICE_LABELS: Record<VoteChoice, { zh: string; en: string }> = {
  yes: { zh: '赞成', en: 'For' },
  no: { zh: '反对', en: 'Against' },
  abstain: { zh: '弃权', en: 'Abstain' },
};

const name = z.string().trim().min(1, { message: 'err.required' }).max(60, { message: 'err.too_long' });
const id = z.string().min(1).max(64);

export const termInput = z
  .object({ name, startDate: isoDate, endDate: isoDate })
  .refine((t) => t.endDate > t.startDate, { message: 'err.congress_term_dates', path: ['endDate'] });
export const delegateInput = z.object({
  memberId: id,
  /** 代表团 name (usually a 工会小组 or department); created on first use. */
  delegation: z.string().trim().min(1).max(40).optional(),
  /** 校级领导: shown as a share, since a congress should not be led by its leaders. */
  isLeader: z.boolean().optional(),
});
// PATCH bodies: every field optional and without defaults (zod's .partial() would keep defaults).
export const termPatch = z.object({ name: name.optional(), startDate: isoDate.optional(), endDate: isoDate.optional() });
const place = z.string().trim().max(80);
export const sessionInput = z.object({ termId: id, name, date: isoDate, place: place.optional() });
/** A session stays in its term (its delegates, attendance and votes belong to that term). */
export const sessionPatch = z.object({ name: name.optional(), date: isoDate.optional(), place: place.nullable().optional() });
export const agendaInput = z.object({
  items: z
    .array(z.object({ title: name, kind: z.enum(AGENDA_KINDS, { message: 'err.enum' }), note: z.string().trim().max(500).optional() }))
    .max(30),
});
const guestNote = z.string().trim().max(100);
export const guestInput = z.object({ name, memberId: id.optional(), note: guestNote.optional() });
export const guestPatch = z.object({ name: name.optional(), memberId: id.nullable().optional(), note: guestNote.nullable().optional() });
export const attendanceInput = z.object({ memberId: id, present: z.boolean(), leave: z.boolean().optional() });
/**
 * Many delegates at once: `status` (出席 / 缺席 / 请假), or the older `{ present }` (true = 出席,
 * false = 缺席). Exactly one of the two.
 */
export const bulkAttendanceInput = z
  .object({ memberIds: z.array(id).min(1).max(2000), present: z.boolean().optional(), status: z.enum(ATTENDANCE_STATUSES, { message: 'err.enum' }).optional() })
  .refine((b) => (b.present === undefined) !== (b.status === undefined), { message: 'err.congress_bulk_status', path: ['status'] });
export const bulkStatusOf = (b: { present?: boolean; status?: AttendanceStatus }): AttendanceStatus => b.status ?? (b.present ? 'present' : 'absent');
export const checkinInput = z.object({ code: z.string().min(8).max(100) });
const voteFields = z.object({
  title: name,
  kind: z.enum(VOTE_KINDS, { message: 'err.enum' }),
  secret: z.boolean(),
  seats: z.number().int().min(1).max(100).optional(),
  candidates: z.array(id).max(200).optional(),
});
export const voteInput = voteFields.superRefine((v, ctx) => {
  if (v.kind !== 'election') return;
  if (!v.seats) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'err.required' });
  if (!v.candidates?.length) ctx.addIssue({ code: 'custom', path: ['candidates'], message: 'err.required' });
  else if (new Set(v.candidates).size !== v.candidates.length) ctx.addIssue({ code: 'custom', path: ['candidates'], message: 'err.congress_duplicate_candidate' });
});
/** Only a draft (not yet opened) vote can be edited; the merged result must still pass `voteInput`. */
export const votePatch = voteFields.partial(); // no field has a default, so .partial() is safe here
export const ballotInput = z.union([
  z.object({ choice: z.enum(VOTE_CHOICES, { message: 'err.enum' }) }).strict(),
  z.object({ candidates: z.array(id).max(100) }).strict(),
]);
export const extraSessionRequestInput = z.object({ reason: z.string().trim().min(2, { message: 'err.required' }).max(500) });

export interface Quorum {
  delegates: number;
  present: number;
  required: number;
  met: boolean;
}
/** What "more than half" counted from: all delegates of the term, or 应到会 (all minus those on leave). */
export type BaseKind = 'all_delegates' | 'expected_delegates';

export interface ResolutionResult {
  kind: 'resolution';
  cast: number;
  eligible: number;
  base: number;
  baseKind: BaseKind;
  threshold: number;
  passed: boolean;
  yes: number;
  no: number;
  abstain: number;
}
export interface CandidateResult {
  memberId: string;
  name: string;
  votes: number;
  elected: boolean;
}
export interface ElectionResult {
  kind: 'election';
  cast: number;
  eligible: number;
  base: number;
  baseKind: BaseKind;
  threshold: number;
  seats: number;
  candidates: CandidateResult[];
  /** Candidates tied at the last seat: none of them is elected; the congress votes again (另行选举). */
  tied: string[];
}
export type VoteResult = ResolutionResult | ElectionResult;
