import { z } from 'zod';
import type { MeetingSource } from './meetings';
import type { Labels } from './labels';

// 意见箱 (suggestion box), issue 4 and DOMAIN.md "Privacy promises". A member writes to 校长, 工会 or
// a department, named or anonymous; the addressee replies; the 回音壁 shows chosen questions and
// answers. Rules and their sources: docs/rules.md; what anonymity promises: docs/privacy.md.

export const SUGGESTION_CATEGORIES = ['teaching', 'management', 'welfare', 'logistics', 'campus', 'union', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];
export const SUGGESTION_CATEGORY_LABELS: Labels<SuggestionCategory> = {
  teaching: { zh: '教育教学', en: 'Teaching' },
  management: { zh: '学校管理', en: 'School management' },
  welfare: { zh: '福利待遇', en: 'Pay and welfare' },
  logistics: { zh: '后勤服务', en: 'Logistics and services' },
  campus: { zh: '校园安全与环境', en: 'Campus safety and environment' },
  union: { zh: '工会工作', en: 'Union work' },
  other: { zh: '其他', en: 'Other' },
};

/** 待处理 → 处理中 → 已答复 → 已关闭; the writer writing back after an answer puts it back in hand. */
export const SUGGESTION_STATUSES = ['pending', 'in_progress', 'answered', 'closed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Labels<SuggestionStatus> = {
  pending: { zh: '待处理', en: 'Pending' },
  in_progress: { zh: '处理中', en: 'In progress' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** `to` in a submission: 'principal', 'union', or a department's id. */
export const ADDRESSEE_KINDS = ['principal', 'union', 'department'] as const;
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];
export const ADDRESSEE_LABELS: Labels<Exclude<AddresseeKind, 'department'>> = {
  principal: { zh: '校长', en: 'The principal' },
  union: { zh: '工会', en: 'The union' },
};

/** A suggestion with no reply this many days after its date is overdue (the box's promise; school practice: 15 days). */
export const SUGGESTION_ANSWER_DAYS = 15;
/** Anonymous submissions per account per day, counted in memory only (never stored). */
export const ANONYMOUS_DAILY_LIMIT = 5;
/** Wrong receipt codes per IP within the window, counted in memory only. */
export const RECEIPT_GUESS_LIMIT = 10;
export const RECEIPT_GUESS_WINDOW_MINUTES = 15;

// Receipt codes: 16 symbols of a 32-letter alphabet without 0/O/1/I (80 bits), shown as four groups.
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 16;
/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeReceipt = (s: string): string => s.toUpperCase().replace(/[\s-]+/g, '');
export const isReceipt = (s: string): boolean => new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`).test(normalizeReceipt(s));
export const formatReceipt = (s: string): string => normalizeReceipt(s).match(/.{1,4}/g)?.join('-') ?? '';

const id = z.string().min(1).max(64);
const text = (min: number, max: number) => z.string().trim().min(min, { message: 'err.required' }).max(max, { message: 'err.too_long' });
const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');

export const suggestionInput = z.object({
  to: z.string().trim().min(1, { message: 'err.required' }).max(64, { message: 'err.invalid' }),
  title: text(2, 100),
  content: text(1, 5000),
  anonymous: z.boolean({ message: 'err.required' }),
  category: z.enum(SUGGESTION_CATEGORIES, { message: 'err.enum' }).default('other'),
  /** A named writer agrees that the question and answer may go on the 回音壁 (never with a name). */
  wallConsent: z.boolean().default(false),
});
export type SuggestionInput = z.infer<typeof suggestionInput>;

export const suggestionMessageInput = z.object({ body: text(1, 2000) });
export const suggestionReplyInput = z.object({ body: text(1, 5000) });
export const suggestionStatusInput = z.object({ status: z.enum(['in_progress', 'closed'], { message: 'err.enum' }) });
export const wallInput = z
  .object({ published: z.boolean(), question: text(1, 2000).optional(), answer: text(1, 5000).optional() })
  .superRefine((w, ctx) => {
    if (!w.published) return;
    if (!w.question) ctx.addIssue({ code: 'custom', path: ['question'], message: 'err.required' });
    if (!w.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'err.required' });
  });
export type WallInput = z.infer<typeof wallInput>;
export const wallConsentInput = z.object({ consent: z.boolean() });
export const proposalLinkInput = z.object({ proposalId: id.nullable() });
export const receiptParams = z.object({ code: z.string().max(64) });

export const suggestionListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.enum(SUGGESTION_STATUSES, { message: 'err.enum' }).optional(),
  category: z.enum(SUGGESTION_CATEGORIES, { message: 'err.enum' }).optional(),
  /** 'principal', 'union' or a department id. */
  to: z.string().trim().max(64).optional(),
  /** No reply within SUGGESTION_ANSWER_DAYS, and not closed. */
  overdue: flag,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SuggestionListQuery = z.infer<typeof suggestionListQuery>;
export const pageQuery = suggestionListQuery.pick({ page: true, pageSize: true });
/** A 学年 named by the year it starts (2025 = 2025-09-01 … 2026-08-31); default the current one. */
export const suggestionFiguresQuery = z.object({ schoolYear: z.coerce.number().int().min(2000).max(2100).optional() });

export interface SuggestionTo {
  kind: AddresseeKind;
  departmentId: string | null;
  /** The department's name; empty for 校长 and 工会 (label them from ADDRESSEE_LABELS). */
  name: string;
}

export interface SuggestionListItem {
  id: string;
  title: string;
  category: SuggestionCategory;
  to: SuggestionTo;
  status: SuggestionStatus;
  anonymous: boolean;
  /** Named suggestions only; null for anonymous ones, always. */
  writerName: string | null;
  /** A date (YYYY-MM-DD, school time zone): no time of day is kept. */
  receivedOn: string;
  overdue: boolean;
  replies: number;
  onWall: boolean;
}

export interface SuggestionMessage {
  id: string;
  by: 'writer' | 'handler';
  body: string;
  /** The handler's name; null for the writer. */
  authorName: string | null;
  on: string;
  /** Time of a handler's reply; null for the writer's messages (date only). */
  at: string | null;
}

export interface WallPost {
  question: string;
  answer: string;
  publishedOn: string;
}

export interface Suggestion extends SuggestionListItem {
  content: string;
  messages: SuggestionMessage[];
  wall: WallPost | null;
  /** Named suggestions: whether the writer agreed to the 回音壁; null for anonymous ones. */
  wallConsent: boolean | null;
  proposal: { id: string; title: string } | null;
  /** Written in the union's name from an opinion raised at this meeting. */
  fromMeeting: MeetingSource | null;
  /** The viewer wrote it (named) or handles it. */
  mine: boolean;
  canHandle: boolean;
}

/** What a receipt code shows, without signing in. */
export interface ReceiptView {
  title: string;
  content: string;
  category: SuggestionCategory;
  to: SuggestionTo;
  status: SuggestionStatus;
  receivedOn: string;
  messages: SuggestionMessage[];
  onWall: boolean;
  proposal: { title: string } | null;
}

export interface WallEntry extends WallPost {
  id: string;
  category: SuggestionCategory;
  to: SuggestionTo;
}

export interface SuggestionFigures {
  received: number;
  answered: number;
  /** Mean whole days from the suggestion's date to its first reply; null when none is answered. */
  avgDaysToAnswer: number | null;
}
export interface SuggestionStats {
  schoolYear: number;
  from: string;
  to: string;
  total: SuggestionFigures;
  byCategory: (SuggestionFigures & { category: SuggestionCategory })[];
  byAddressee: (SuggestionFigures & { to: SuggestionTo })[];
}
