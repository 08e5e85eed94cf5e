import { z } from 'zod';
import { isoDate } from './members';
import type { Labels } from './labels';

// 权益诉求 (rights and interest cases), issue 5 and DOMAIN.md ("一时解决不了的，也要向教职工解释清楚").
// A member raises a concern; the union takes it up, forwards it to a department's handler with a
// deadline, explains the outcome to the member (always, also when nothing can be done now), and the
// member confirms and rates it. Private: only the member, the union's case handlers and the handler it
// was forwarded to see it. Rules: docs/rules.md "权益诉求".

export const CASE_CATEGORIES = ['medical', 'housing', 'schooling', 'title', 'pay', 'safety', 'leave', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CATEGORY_LABELS: Labels<CaseCategory> = {
  medical: { zh: '就医', en: 'Medical care' },
  housing: { zh: '住房', en: 'Housing' },
  schooling: { zh: '子女入学', en: "Children's schooling" },
  title: { zh: '职称评定', en: 'Professional title' },
  pay: { zh: '工资待遇', en: 'Pay and benefits' },
  safety: { zh: '劳动保护', en: 'Labour protection' },
  leave: { zh: '休假', en: 'Leave' },
  other: { zh: '其他', en: 'Other' },
};

/** submitted → triaged → forwarded → responded → explained → closed; the union may explain at any open step. */
export const CASE_STATES = ['submitted', 'triaged', 'forwarded', 'responded', 'explained', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_STATE_LABELS: Labels<CaseState> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  triaged: { zh: '已受理', en: 'Taken up' },
  forwarded: { zh: '已转办', en: 'Forwarded' },
  responded: { zh: '部门已答复', en: 'Department replied' },
  explained: { zh: '已向本人解释', en: 'Explained' },
  closed: { zh: '已办结', en: 'Closed' },
};
export const OPEN_CASE_STATES: readonly CaseState[] = ['submitted', 'triaged', 'forwarded', 'responded'];

/** What the union tells the member: solved, in hand (with what happens next), or not possible now (and why). */
export const CASE_OUTCOMES = ['resolved', 'planned', 'not_now'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Labels<CaseOutcome> = {
  resolved: { zh: '已解决', en: 'Resolved' },
  planned: { zh: '正在解决 / 列入计划', en: 'In hand / planned' },
  not_now: { zh: '暂时无法解决', en: 'Not possible for now' },
};

export const CASE_SOURCE_KINDS = ['suggestion', 'meeting_opinion'] as const;
export type CaseSourceKind = (typeof CASE_SOURCE_KINDS)[number];
export const CASE_SOURCE_LABELS: Labels<CaseSourceKind> = {
  suggestion: { zh: '意见箱来信', en: 'Suggestion box' },
  meeting_opinion: { zh: '座谈会意见', en: 'Meeting opinion' },
};

export const CASE_EVENT_KINDS = ['submitted', 'created_from', 'triaged', 'forwarded', 'responded', 'explained', 'not_resolved', 'closed', 'info'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
export const CASE_EVENT_LABELS: Labels<CaseEventKind> = {
  submitted: { zh: '提出诉求', en: 'Raised' },
  created_from: { zh: '由工会转为诉求', en: 'Opened by the union' },
  triaged: { zh: '工会受理', en: 'Taken up by the union' },
  forwarded: { zh: '转交承办部门', en: 'Forwarded to a department' },
  responded: { zh: '承办部门答复', en: 'Department replied' },
  explained: { zh: '工会向本人解释', en: 'Union explained' },
  not_resolved: { zh: '本人表示未解决', en: 'Member says not resolved' },
  closed: { zh: '办结', en: 'Closed' },
  info: { zh: '补充情况', en: 'More information' },
};

/** Ratings 1–5; 4 and 5 count as 满意 in the figures. */
export const CASE_RATING_MIN = 1;
export const CASE_RATING_MAX = 5;
export const CASE_SATISFIED_FROM = 4;

const id = z.string().min(1).max(64);
const text = (min: number, max: number) => z.string().trim().min(min, { message: 'err.required' }).max(max, { message: 'err.too_long' });
const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');
const category = z.enum(CASE_CATEGORIES, { message: 'err.enum' });

export const caseInput = z.object({ category, title: text(2, 100), content: text(1, 5000) });
export type CaseInput = z.infer<typeof caseInput>;
export const caseInfoInput = z.object({ body: text(1, 2000) });
/** Taking a case up may correct its category and leave a note for the timeline. */
export const caseTriageInput = z.object({ category: category.optional(), note: text(1, 1000).optional() });
export const caseForwardInput = z.object({ departmentId: id, handlerUserId: id, deadline: isoDate, note: text(1, 1000).optional() });
export type CaseForwardInput = z.infer<typeof caseForwardInput>;
export const caseResponseInput = z.object({ body: text(1, 5000) });
export const caseExplainInput = z.object({ outcome: z.enum(CASE_OUTCOMES, { message: 'err.enum' }), body: text(1, 5000) });
export type CaseExplainInput = z.infer<typeof caseExplainInput>;
export const caseConfirmInput = z.object({
  rating: z.number({ message: 'err.case_rating' }).int({ message: 'err.case_rating' }).min(CASE_RATING_MIN, { message: 'err.case_rating' }).max(CASE_RATING_MAX, { message: 'err.case_rating' }),
  comment: text(1, 1000).optional(),
});
export const caseNotResolvedInput = z.object({ reason: text(1, 2000) });
export const caseFromSuggestionInput = z.object({ category });

export const caseListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  state: z.enum(CASE_STATES, { message: 'err.enum' }).optional(),
  category: category.optional(),
  /** Forwarded and past the deadline without a response. */
  overdue: flag,
  /** Not yet closed. */
  open: flag,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
export const casePageQuery = caseListQuery.pick({ page: true, pageSize: true });
/** A calendar year by the date a case was raised; default the current one. */
export const caseYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export interface CaseListItem {
  id: string;
  title: string;
  category: CaseCategory;
  state: CaseState;
  /** The member's name; null when the case came from an anonymous source. */
  memberName: string | null;
  raisedOn: string;
  department: string | null;
  deadline: string | null;
  overdue: boolean;
}

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  at: string;
  /** Who acted, as named then; null for the system (e.g. a case opened from an anonymous source). */
  actorName: string | null;
  body: string | null;
  /** Department, deadline, outcome, rating, source as the step recorded them. */
  department?: string;
  handler?: string;
  deadline?: string;
  outcome?: CaseOutcome;
  rating?: number;
  category?: CaseCategory;
  source?: CaseSourceKind;
  anonymousSource?: boolean;
}

export interface Case extends CaseListItem {
  content: string;
  handlerName: string | null;
  response: string | null;
  respondedOn: string | null;
  outcome: CaseOutcome | null;
  explanation: string | null;
  explainedOn: string | null;
  closedOn: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** The member has already said "not resolved" once. */
  reopened: boolean;
  source: { kind: CaseSourceKind; id: string } | null;
  events: CaseEvent[];
  /** What the caller is to this case. */
  mine: boolean;
  canManage: boolean;
  isHandler: boolean;
}

/** A case as linked from its source (the suggestion's page). */
export interface CaseLink {
  id: string;
  title: string;
  state: CaseState;
}

export interface CaseCount {
  total: number;
  open: number;
  closed: number;
}
/** The year's figures: counts only, never a name. */
export interface CaseFigures extends CaseCount {
  year: number;
  byCategory: (CaseCount & { category: CaseCategory })[];
  overdue: number;
  /** Median whole days from raised to closed; null when none is closed. */
  medianDaysToClose: number | null;
  explained: number;
  /** explained / total, 0–1; null when there is no case. */
  explainedShare: number | null;
  rated: number;
  /** Mean rating 1–5 (one decimal); null when none is rated. */
  avgRating: number | null;
  /** Ratings of 4 or 5 / rated, 0–1. */
  satisfiedShare: number | null;
}
