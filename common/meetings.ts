import { z } from 'zod';
import { CASE_CATEGORIES } from './cases';
import { isoDate, type MemberStatus } from './members';
import { PROPOSAL_CATEGORIES } from './proposals';
import { SUGGESTION_CATEGORIES } from './suggestions';

// 会议与座谈会 (issue 4; DOMAIN.md "三次行政办公会, 三次全校教职工大会, 三次座谈会; 与退休教师座谈").
// A meeting keeps who came (members, retirees among them, and guests), the agenda, minutes, decisions,
// attachments and the opinions raised; an opinion can become a suggestion or a proposal draft, linked
// both ways. Rules: docs/rules.md "会议与座谈会".

/** The types a school starts with; it adds, renames and retires its own (a used type is never deleted). */
export const DEFAULT_MEETING_TYPES = ['行政办公会', '教职工大会', '工会委员会会议', '座谈会', '小组会'] as const;

/** Agenda items and decisions per meeting, attendees and opinions: generous bounds against runaway input. */
export const MEETING_LIST_MAX = 50;
export const MEETING_ATTENDEES_MAX = 500;

const id = z.string().min(1).max(64);
const text = (min: number, max: number) => z.string().trim().min(min, { message: 'err.required' }).max(max, { message: 'err.too_long' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'err.too_long' })
    .nullish()
    .transform((s) => s || null);
const time = z
  .string()
  .trim()
  .refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'err.meeting_time' })
  .nullish()
  .transform((s) => s || null);
const lines = z.array(text(1, 500)).max(MEETING_LIST_MAX, { message: 'err.too_long' });

export const meetingTypeInput = z.object({ name: text(1, 30) });
export const meetingTypePatch = z.object({ name: text(1, 30).optional(), retired: z.boolean().optional() });

export const guestInput = z.object({ name: text(1, 40), unit: optionalText(60) });
export type GuestInput = z.infer<typeof guestInput>;

export const meetingInput = z
  .object({
    typeId: id,
    title: text(2, 100),
    date: isoDate,
    startTime: time,
    endTime: time,
    place: optionalText(100),
    hostMemberId: id.nullish().transform((s) => s || null),
    /** Attending members (retirees included). */
    memberIds: z.array(id).max(MEETING_ATTENDEES_MAX, { message: 'err.too_long' }).default([]),
    guests: z.array(guestInput).max(MEETING_LIST_MAX, { message: 'err.too_long' }).default([]),
    agenda: lines.default([]),
    /** Rich text; the server sanitizes it (server/lib/sanitize.ts). */
    minutes: z.string().max(100_000, { message: 'err.too_long' }).default(''),
    decisions: lines.default([]),
  })
  .superRefine((m, ctx) => {
    if (m.startTime && m.endTime && m.endTime < m.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'err.meeting_end_before' });
  });
export type MeetingInput = z.infer<typeof meetingInput>;

/** Who raised it: an attending member, or a guest's name, or nobody named. */
export const opinionInput = z
  .object({ memberId: id.nullish().transform((s) => s || null), guestName: optionalText(40), content: text(1, 2000) })
  .refine((o) => !(o.memberId && o.guestName), { path: ['guestName'], message: 'err.meeting_raiser_one' });
export type OpinionInput = z.infer<typeof opinionInput>;

/** An opinion to the 意见箱: addressed like any suggestion, written in the union's name. */
export const opinionToSuggestion = z.object({
  to: z.string().trim().min(1, { message: 'err.required' }).max(64, { message: 'err.invalid' }),
  category: z.enum(SUGGESTION_CATEGORIES, { message: 'err.enum' }).default('other'),
  title: text(2, 100),
});
export type OpinionToSuggestion = z.infer<typeof opinionToSuggestion>;
/** An opinion to a proposal draft, for a delegate of the session's term to take up as its proposer. */
export const opinionToProposal = z.object({
  sessionId: id,
  proposerMemberId: id,
  title: text(2, 100),
  category: z.enum(PROPOSAL_CATEGORIES, { message: 'err.enum' }),
});
export type OpinionToProposal = z.infer<typeof opinionToProposal>;
/** An opinion to a rights case (权益诉求), raised for the member who voiced it (none for a guest's). */
export const opinionToCase = z.object({
  category: z.enum(CASE_CATEGORIES, { message: 'err.enum' }),
  title: text(2, 100),
});
export type OpinionToCase = z.infer<typeof opinionToCase>;

export const meetingListQuery = z.object({
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
  typeId: id.optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export const figuresQuery = z.object({ schoolYear: z.coerce.number().int().min(2000).max(2100).optional() });
export const opinionParams = z.object({ id, opinionId: id });

export const OPINION_TARGETS = ['suggestion', 'proposal', 'case'] as const;
export type OpinionTarget = (typeof OPINION_TARGETS)[number];
export const OPINION_TARGET_LABELS: Record<OpinionTarget, { zh: string; en: string }> = {
  suggestion: { zh: '意见箱', en: 'Suggestion' },
  proposal: { zh: '提案草稿', en: 'Proposal draft' },
  case: { zh: '权益诉求', en: 'Rights case' },
};

export interface MeetingType {
  id: string;
  name: string;
  retired: boolean;
  /** Meetings recorded with it: a used type can be retired, not deleted. */
  used: number;
}

export interface Attendee {
  memberId: string | null;
  name: string;
  /** Members: their department; guests: their unit. */
  unit: string | null;
  status: MemberStatus | null;
  guest: boolean;
}

export interface Opinion {
  id: string;
  memberId: string | null;
  raisedBy: string | null;
  content: string;
  /** What it became, when it did: the link target is /suggestions/:id or /proposals/:id. */
  became: { kind: OpinionTarget; id: string; title: string; on: string } | null;
}

export interface MeetingListItem {
  id: string;
  typeId: string;
  typeName: string;
  title: string;
  date: string;
  startTime: string | null;
  place: string | null;
  hostName: string | null;
  attendees: number;
  opinions: number;
}

export interface Meeting extends MeetingListItem {
  endTime: string | null;
  hostMemberId: string | null;
  attendeeList: Attendee[];
  agenda: string[];
  minutes: string;
  decisions: string[];
  opinionList: Opinion[];
  /** The caller records meetings (meetings.manage), not only reads this one. */
  canManage: boolean;
}

/** Where a suggestion or proposal came from, shown on its page as "来自 <会议> 的意见". */
export interface MeetingSource {
  meetingId: string;
  title: string;
  date: string;
}

export interface MeetingFigures {
  meetings: number;
  /** Person-times: each attendee of each meeting counts once. */
  attendees: number;
  opinions: number;
  converted: number;
}
export interface MeetingStats {
  schoolYear: number;
  from: string;
  to: string;
  total: MeetingFigures;
  byType: ({ typeId: string; name: string } & MeetingFigures)[];
}
