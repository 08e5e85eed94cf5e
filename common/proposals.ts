import { z } from 'zod';
import type { MeetingSource } from './meetings';
import { isoDate } from './members';
import type { Labels } from './labels';

// 提案 (congress proposals). Workflow after the 提案工作委员会 practice of 中国矿业大学 and 青岛科技大学
// and school rules (see docs/rules.md): draft → submitted → 立案 / 并案 / 转为意见建议 / 不予立案 →
// 交办 → 答复 (A/B/C) → rated → closed; 不满意 reopens once for a second reply.

export const PROPOSAL_CATEGORIES = ['teaching', 'development', 'welfare', 'logistics', 'democracy', 'campus', 'other'] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];
export const PROPOSAL_CATEGORY_LABELS: Labels<ProposalCategory> = {
  teaching: { zh: '教育教学', en: 'Teaching' },
  development: { zh: '教师发展', en: 'Teacher development' },
  welfare: { zh: '福利待遇', en: 'Pay and welfare' },
  logistics: { zh: '后勤保障', en: 'Logistics' },
  democracy: { zh: '民主管理', en: 'Democratic management' },
  campus: { zh: '校园建设', en: 'Campus' },
  other: { zh: '其他', en: 'Other' },
};

export const PROPOSAL_STATES = ['draft', 'submitted', 'accepted', 'merged', 'converted', 'rejected', 'assigned', 'replied', 'closed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATE_LABELS: Labels<ProposalState> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已立案', en: 'Accepted' },
  merged: { zh: '已并案', en: 'Merged' },
  converted: { zh: '转为意见建议', en: 'Converted to a suggestion' },
  rejected: { zh: '不予立案', en: 'Not accepted' },
  assigned: { zh: '已交办', en: 'Assigned' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** The committee's decisions on a submitted proposal. */
export const PROPOSAL_DECISIONS = ['accepted', 'merged', 'converted', 'rejected'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/** Reply classes: A 已解决, B 列入计划解决 (with a date), C 暂不能解决 (with an explanation). */
export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export const REPLY_CLASS_LABELS: Labels<ReplyClass> = {
  A: { zh: 'A 已解决', en: 'A Solved' },
  B: { zh: 'B 列入计划解决', en: 'B Planned' },
  C: { zh: 'C 暂不能解决', en: 'C Not possible for now' },
};

export const PROPOSAL_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type ProposalRating = (typeof PROPOSAL_RATINGS)[number];
export const PROPOSAL_RATING_LABELS: Labels<ProposalRating> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};
/** 不满意 reopens a proposal for another reply this many times (common practice: once). */
export const PROPOSAL_MAX_REOPENS = 1;

export const TEMPLATE_KINDS = ['decision', 'reply'] as const;

/**
 * 提案编号 届次-会次-序号, e.g. 5-2-012 = 第五届第二次会议第 12 号提案: the 序号 counts the session's
 * submissions in order (unique per session, never reused); 届次 and 会次 are read from the term's and
 * session's names (第五届 → 5, 第二次 → 2). A name without them falls back to the session's name: 教代会-012.
 */
export function proposalCode(termName: string, sessionName: string, number: number | null): string | null {
  if (number === null) return null;
  const seq = String(number).padStart(3, '0');
  const term = ordinalBefore('届', termName) ?? ordinalBefore('届', sessionName);
  const session = ordinalBefore('次', sessionName);
  return term && session ? `${term}-${session}-${seq}` : `${sessionName}-${seq}`;
}

/** The number in 第…届 / 第…次 of a name (each list row's code reads two). */
const ORDINAL_BEFORE = { 届: /第\s*([0-9零〇一二两三四五六七八九十百]+)\s*届/, 次: /第\s*([0-9零〇一二两三四五六七八九十百]+)\s*次/ };
const ordinalBefore = (unit: keyof typeof ORDINAL_BEFORE, name: string) => ordinal(ORDINAL_BEFORE[unit].exec(name)?.[1]);

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 5, 五, 十二, 二十三, 一百零五 → a number; anything else → null. */
function ordinal(text: string | undefined): number | null {
  if (!text) return null;
  if (/^[0-9]+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch === '十' || ch === '百') {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return null;
  }
  return total + digit || null;
}

const id = z.string().min(1).max(64);
const text = (min: number, max: number) => z.string().trim().min(min, { message: 'err.required' }).max(max, { message: 'err.too_long' });
const ids = z.array(id).min(1, { message: 'err.required' }).max(200);
const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');

const proposalFields = z.object({
  title: text(2, 100),
  reasons: text(1, 5000),
  measures: text(1, 5000),
  category: z.enum(PROPOSAL_CATEGORIES, { message: 'err.enum' }),
});
export const proposalInput = proposalFields.extend({
  sessionId: id,
  /** A 代表团 (collective) proposal: the caller must be its head. */
  delegationId: id.optional(),
});
export type ProposalInput = z.infer<typeof proposalInput>;
export const proposalPatch = proposalFields.partial();

export const coSignersInput = z.object({ memberIds: z.array(id).min(1, { message: 'err.required' }).max(20) });
export const coSignInput = z.object({ accept: z.boolean() });
/** The proposer confirms the proposal keeps to one subject (一事一案). */
export const submitInput = z.object({ singleSubject: z.literal(true, { message: 'err.proposal_single_subject' }) });

const decisionFields = z.object({
  decision: z.enum(PROPOSAL_DECISIONS, { message: 'err.enum' }),
  reason: z.string().trim().max(2000, { message: 'err.too_long' }).optional(),
  mergeIntoId: id.optional(),
  /** false (default): a draft the committee publishes later, together with others. */
  publish: z.boolean().default(false),
});
type DecisionFields = z.infer<typeof decisionFields>;
const decisionRules = (d: DecisionFields, ctx: z.RefinementCtx) => {
  if (d.decision === 'rejected' && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.proposal_reason_required' });
  if (d.decision === 'merged' && !d.mergeIntoId) ctx.addIssue({ code: 'custom', path: ['mergeIntoId'], message: 'err.required' });
};
export const decisionInput = decisionFields.superRefine(decisionRules);
export type DecisionInput = z.infer<typeof decisionInput>;
export const batchDecisionInput = decisionFields.extend({ ids }).superRefine(decisionRules);
export const publishInput = z.object({ ids: ids.optional() });

const assignee = z.object({ department: text(1, 60), handlerUserId: id });
export const assignInput = assignee.extend({ deadline: isoDate, assists: z.array(assignee).max(5).optional() });
export type AssignInput = z.infer<typeof assignInput>;

export const replyInput = z
  .object({
    class: z.enum(REPLY_CLASSES, { message: 'err.enum' }),
    content: text(1, 5000),
    plannedDate: isoDate.optional(),
    explanation: z.string().trim().max(5000, { message: 'err.too_long' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.class === 'B' && !r.plannedDate) ctx.addIssue({ code: 'custom', path: ['plannedDate'], message: 'err.proposal_planned_date' });
    if (r.class === 'C' && !r.explanation) ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'err.proposal_explanation' });
  });
export type ReplyInput = z.infer<typeof replyInput>;

export const ratingInput = z.object({ rating: z.enum(PROPOSAL_RATINGS, { message: 'err.enum' }), comment: z.string().trim().max(1000).optional() });
export const messageInput = z.object({ body: text(1, 2000) });
export const templateInput = z.object({ kind: z.enum(TEMPLATE_KINDS, { message: 'err.enum' }), name: text(1, 60), body: text(1, 5000) });
export const templatePatch = templateInput.partial();
export const templateListQuery = z.object({ kind: z.enum(TEMPLATE_KINDS, { message: 'err.enum' }).optional() });
export const windowInput = z
  .object({ sessionId: id, opensOn: isoDate, closesOn: isoDate })
  .refine((w) => w.closesOn >= w.opensOn, { message: 'err.proposal_window_dates', path: ['closesOn'] });

export const proposalListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  state: z.enum(PROPOSAL_STATES, { message: 'err.enum' }).optional(),
  category: z.enum(PROPOSAL_CATEGORIES, { message: 'err.enum' }).optional(),
  department: z.string().trim().max(60).optional(),
  sessionId: id.optional(),
  proposerId: id.optional(),
  /** Assigned, deadline passed, not yet replied. */
  overdue: flag,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;
/** The list's filters other than state and overdue: the per-state counts are taken over these. */
export const proposalCountsQuery = proposalListQuery.pick({ q: true, category: true, department: true, sessionId: true, proposerId: true });
export interface ProposalCounts {
  total: number;
  byState: Record<ProposalState, number>;
  overdue: number;
}

/** Figures for one congress session or one 学年 (Sept–Aug, e.g. 2025 = 2025-09-01 … 2026-08-31). */
export const proposalPeriodQuery = z.object({
  sessionId: id.optional(),
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ProposalPeriod = z.infer<typeof proposalPeriodQuery>;

export interface ProposalListItem {
  id: string;
  /** 序号 within the session, given at submission; null for drafts. */
  number: number | null;
  /** 提案编号 as shown, e.g. 5-2-012 (see proposalCode). */
  code: string | null;
  sessionId: string;
  sessionName: string;
  title: string;
  category: ProposalCategory;
  state: ProposalState;
  proposerMemberId: string;
  proposerName: string;
  delegationId: string | null;
  /** A collective proposal is shown under its 代表团's name. */
  delegationName: string | null;
  department: string | null;
  deadline: string | null;
  overdue: boolean;
  submittedAt: string | null;
  updatedAt: string;
  /** Committee only: the decision drafted but not yet published. */
  pendingDecision?: ProposalDecision | null;
}

export interface ProposalCoSigner {
  memberId: string;
  name: string;
  status: 'invited' | 'accepted' | 'declined';
}
export interface ProposalReply {
  id: string;
  round: number;
  class: ReplyClass;
  content: string;
  plannedDate: string | null;
  explanation: string | null;
  authorName: string | null;
  createdAt: string;
  rating: ProposalRating | null;
  ratingComment: string | null;
}
export interface ProposalPost {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Proposal extends ProposalListItem {
  reasons: string;
  measures: string;
  singleSubject: boolean;
  coSigners: ProposalCoSigner[];
  /** The published decision; reason shown to the proposer (required for 不予立案). */
  decision: ProposalDecision | null;
  decisionReason: string | null;
  decidedAt: string | null;
  mergedInto: { id: string; title: string } | null;
  mergedFrom: { id: string; title: string }[];
  /** Drafted from an opinion raised at this meeting. */
  fromMeeting: MeetingSource | null;
  handlerUserId: string | null;
  assists: { department: string; handlerUserId: string }[];
  reopened: boolean;
  rating: ProposalRating | null;
  replies: ProposalReply[];
  messages: ProposalPost[];
  /** Committee only: an unpublished decision and private notes. Absent for everyone else. */
  draftDecision?: { decision: ProposalDecision; reason: string | null; mergeIntoId: string | null } | null;
  notes?: ProposalPost[];
  /** What the caller may do now (the server's own checks), so the web offers nothing that would fail. */
  actions: ProposalAction[];
  timeline: ProposalEvent[];
  /** The proposer of a draft: co-signers the school requires (setting proposalCoSigners) and how many are still missing. */
  coSignersNeeded?: { required: number; missing: number };
}

export const PROPOSAL_ACTIONS = ['edit', 'delete', 'invite', 'submit', 'withdraw', 'cosign', 'decide', 'publish', 'note', 'assign', 'reply', 'rate', 'message'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const PROPOSAL_EVENT_KINDS = ['created', 'invited', 'cosigned', 'declined', 'submitted', 'withdrawn', 'decided', 'assigned', 'replied', 'rated', 'reopened'] as const;
export type ProposalEventKind = (typeof PROPOSAL_EVENT_KINDS)[number];
/** What an event records besides who and when; names are kept as they were at the time. */
export interface ProposalEventData {
  /** invited: the invitees */
  names?: string[];
  /** decided */
  decision?: ProposalDecision;
  mergedInto?: { id: string; title: string };
  /** assigned: the 主办 with its handler, the 协办, the deadline */
  department?: string;
  handlerName?: string;
  assists?: { department: string; handlerName: string }[];
  deadline?: string;
  /** replied, rated */
  round?: number;
  replyClass?: ReplyClass;
  rating?: ProposalRating;
}
export interface ProposalEvent extends ProposalEventData {
  id: string;
  kind: ProposalEventKind;
  at: string;
  actorName: string | null;
}

export interface ProposalWindow {
  sessionId: string;
  sessionName: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
}
export interface ProposalTemplate {
  id: string;
  kind: (typeof TEMPLATE_KINDS)[number];
  name: string;
  body: string;
}

export interface ProposalFigures {
  /** 提案数: proposals submitted. */
  submitted: number;
  /** 立案数 */
  accepted: number;
  /** 立案率 = 立案数 / 提案数; null when nothing was submitted. */
  acceptedRate: number | null;
  /** Accepted proposals replied to or closed. */
  done: number;
  /** 办结率 = done / 立案数 */
  doneRate: number | null;
  rated: number;
  /** 满意 + 基本满意 */
  satisfied: number;
  /** 满意率 = satisfied / rated */
  satisfactionRate: number | null;
}
export interface ProposalStats {
  period: { sessionId: string | null; schoolYear: number | null; from: string | null; to: string | null };
  total: ProposalFigures;
  byCategory: ({ category: ProposalCategory; label: string } & ProposalFigures)[];
  byDepartment: ({ department: string } & ProposalFigures)[];
}
