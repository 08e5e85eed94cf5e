import { z } from 'zod';
import type { Lang } from './i18n';
import { isoDate } from './members';
import type { Labels } from './labels';

// 校务公开 (school-affairs transparency). Source: 教育部 2002《关于全面推进校务公开工作的意见》, DOMAIN.md,
// the seeds (列出21大项内容…公布资料40份…校务公开已办到第六期; 监督小组). Workflow: draft → submitted →
// the 监督小组 approves (or returns with a comment, back to draft) → published with its 第N期 → archived.

/** DOMAIN.md's content list (教育部 2002 意见 and school rules): every school starts with these, then edits. */
export const DEFAULT_DISCLOSURE_CATEGORIES = {
  major_decisions: { zh: '重大决策与改革', en: 'Major decisions and reforms' },
  fees: { zh: '收费', en: 'Fees' },
  finance: { zh: '财务', en: 'Finance' },
  construction: { zh: '基建与招标', en: 'Construction and tenders' },
  procurement: { zh: '大宗采购', en: 'Major purchases' },
  admissions: { zh: '招生', en: 'Admissions' },
  appointments: { zh: '职务评聘', en: 'Titles and appointments' },
  assessment: { zh: '考核', en: 'Assessment' },
  awards: { zh: '评先评优', en: 'Honours' },
  promotion: { zh: '晋级', en: 'Promotion' },
  performance_pay: { zh: '绩效工资分配', en: 'Performance pay' },
  rewards: { zh: '奖惩', en: 'Rewards and sanctions' },
  welfare: { zh: '福利', en: 'Welfare' },
  teaching: { zh: '教学', en: 'Teaching' },
  practice: { zh: '实训', en: 'Practical training' },
  training: { zh: '培训', en: 'Training' },
  logistics: { zh: '后勤', en: 'Logistics' },
  party: { zh: '党建', en: 'Party building' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type DefaultCategoryCode = keyof typeof DEFAULT_DISCLOSURE_CATEGORIES;

export const DISCLOSURE_AUDIENCES = ['staff', 'delegates', 'public'] as const;
export type DisclosureAudience = (typeof DISCLOSURE_AUDIENCES)[number];
export const DISCLOSURE_AUDIENCE_LABELS: Labels<DisclosureAudience> = {
  staff: { zh: '全体教职工', en: 'All staff' },
  delegates: { zh: '教代会代表', en: 'Congress delegates' },
  public: { zh: '向社会公开', en: 'Public' },
};

export const DISCLOSURE_STATES = ['draft', 'submitted', 'approved', 'published', 'archived'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];
export const DISCLOSURE_STATE_LABELS: Labels<DisclosureState> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已审核', en: 'Approved' },
  published: { zh: '已公开', en: 'Published' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const DISCLOSURE_ACTIONS = ['create', 'update', 'submit', 'withdraw', 'return', 'approve', 'publish', 'archive'] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
export const DISCLOSURE_ACTION_LABELS: Labels<DisclosureAction> = {
  create: { zh: '起草', en: 'Drafted' },
  update: { zh: '修改', en: 'Edited' },
  submit: { zh: '提交审核', en: 'Submitted for review' },
  withdraw: { zh: '撤回修改', en: 'Withdrawn for changes' },
  return: { zh: '监督小组退回', en: 'Returned by the supervisors' },
  approve: { zh: '监督小组审核通过', en: 'Approved by the supervisors' },
  publish: { zh: '随期公开', en: 'Published with its issue' },
  archive: { zh: '归档', en: 'Archived' },
};

/** Rich text is stored as a sanitized HTML subset (server/lib/sanitize.ts); this caps what a form may send. */
export const DISCLOSURE_CONTENT_MAX = 100_000;

/** A category's name in the reader's language: a default category keeps its English name until renamed. */
export function categoryName(c: { code: string | null; name: string }, lang: Lang): string {
  const d = c.code ? DEFAULT_DISCLOSURE_CATEGORIES[c.code as DefaultCategoryCode] : undefined;
  return lang === 'en' && d && d.zh === c.name ? d.en : c.name;
}

const id = z.string().min(1).max(64);
const text = (min: number, max: number) => z.string().trim().min(min, { message: 'err.required' }).max(max, { message: 'err.too_long' });
const periodRule = (d: { visibleFrom?: string; visibleTo?: string | null }, ctx: z.RefinementCtx) => {
  if (d.visibleFrom && d.visibleTo && d.visibleTo < d.visibleFrom) ctx.addIssue({ code: 'custom', path: ['visibleTo'], message: 'err.disclosure_period' });
};

// Without defaults, so that the PATCH schema changes only what it names (zod 4's partial keeps defaults).
const disclosureFields = z.object({
  categoryId: id,
  title: text(2, 100),
  /** HTML from the editor; the server keeps only the allowed subset. */
  content: z.string().max(DISCLOSURE_CONTENT_MAX, { message: 'err.too_long' }),
  audience: z.enum(DISCLOSURE_AUDIENCES, { message: 'err.enum' }),
  /** Shown to readers from this date … */
  visibleFrom: isoDate,
  /** … to this one (inclusive); null: until archived. */
  visibleTo: isoDate.nullable().optional(),
  /** The 第N期 bulletin issue it belongs to; it is published with it. */
  issueId: id.nullable().optional(),
});
export const disclosureInput = disclosureFields.superRefine(periodRule);
export type DisclosureInput = z.infer<typeof disclosureInput>;
export const disclosurePatch = disclosureFields.partial().superRefine(periodRule);
export type DisclosurePatch = z.infer<typeof disclosurePatch>;

export const returnInput = z.object({ comment: text(1, 1000) });
export const questionInput = z.object({ body: text(2, 1000) });
/** `public`: every reader of the item sees the question (without the asker's name) and the answer. */
export const answerInput = z.object({ body: text(1, 2000), public: z.boolean() });
export type AnswerInput = z.infer<typeof answerInput>;

export const categoryInput = z.object({ name: text(1, 30) });
export const categoryPatch = z.object({ name: text(1, 30).optional(), disabled: z.boolean().optional(), position: z.number().int().min(0).max(1000).optional() });
export type CategoryPatch = z.infer<typeof categoryPatch>;

export const issueInput = z.object({ title: z.string().trim().max(60, { message: 'err.too_long' }).nullable().optional() });

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const disclosureListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  state: z.enum(DISCLOSURE_STATES, { message: 'err.enum' }).optional(),
  /** Drafts the 监督小组 sent back, not yet resubmitted. */
  returned: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
  categoryId: id.optional(),
  issueId: id.optional(),
  audience: z.enum(DISCLOSURE_AUDIENCES, { message: 'err.enum' }).optional(),
  ...page,
});
export type DisclosureListQuery = z.infer<typeof disclosureListQuery>;
export const feedQuery = z.object({ categoryId: id.optional(), ...page });
export type FeedQuery = z.infer<typeof feedQuery>;
export const publicListQuery = z.object(page);
/** Figures for a 学年 (Sept–Aug, e.g. 2025 = 2025-09-01 … 2026-08-31); default the current one. */
export const disclosureStatsQuery = z.object({ schoolYear: z.coerce.number().int().min(2000).max(2100).optional() });

export interface DisclosureCategory {
  id: string;
  code: string | null;
  name: string;
  position: number;
  disabled: boolean;
  /** Items filed under it (a category in use cannot be deleted, only disabled). */
  items: number;
}

export interface DisclosureIssue {
  id: string;
  /** Issues are numbered afresh each 学年: 2025学年第1期 opens the year that starts in September 2025. */
  schoolYear: number;
  number: number;
  title: string | null;
  state: 'draft' | 'published';
  publishedAt: string | null;
  items: number;
  /** Items approved by the 监督小组 (an issue is published when all are). */
  approved: number;
}

export interface DisclosureListItem {
  id: string;
  title: string;
  categoryId: string;
  categoryCode: string | null;
  categoryName: string;
  audience: DisclosureAudience;
  state: DisclosureState;
  /** A draft the 监督小组 returned, not resubmitted yet. */
  returned: boolean;
  issueId: string | null;
  issueYear: number | null;
  issueNumber: number | null;
  visibleFrom: string;
  visibleTo: string | null;
  authorName: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface DisclosureEvent {
  action: DisclosureAction;
  userName: string | null;
  comment: string | null;
  at: string;
}

export interface DisclosureQuestion {
  id: string;
  body: string;
  /** Shown to the committee only; readers see their own questions and public ones without a name. */
  askerName: string | null;
  mine: boolean;
  askedAt: string;
  answer: string | null;
  answerPublic: boolean;
  answeredAt: string | null;
}

export interface Disclosure extends DisclosureListItem {
  content: string;
  /** Whether the caller has read it (a read receipt exists). */
  read: boolean;
  /** In the reader's view now (published, inside its period). */
  live: boolean;
  questions: DisclosureQuestion[];
  /** Committee and 监督小组 only. */
  history?: DisclosureEvent[];
}

export interface FeedItem {
  id: string;
  title: string;
  categoryCode: string | null;
  categoryName: string;
  audience: DisclosureAudience;
  issueId: string | null;
  issueYear: number | null;
  issueNumber: number | null;
  publishedAt: string;
  visibleTo: string | null;
  excerpt: string;
  read: boolean;
}
export interface Feed {
  items: FeedItem[];
  total: number;
  /** Unread items of the whole feed (the 新公开 badge), whatever the filter. */
  unread: number;
}

export interface IssueBoard {
  orgName: string;
  issue: DisclosureIssue;
  items: (DisclosureListItem & { content: string })[];
}

export interface ReadStatus {
  /** Accounts of the item's audience (staff with an account, or the current term's delegates). */
  audience: number;
  read: number;
  unread: number;
  readers: { name: string; department: string | null; readAt: string }[];
  notRead: { name: string; department: string | null }[];
}

export interface PublicDisclosure {
  id: string;
  title: string;
  categoryCode: string | null;
  categoryName: string;
  issueYear: number | null;
  issueNumber: number | null;
  publishedAt: string;
  content: string;
  questions: { body: string; answer: string; answeredAt: string }[];
  /** 资料: downloadable without sign-in at /api/public/:orgId/disclosures/:id/files/:fileId. */
  files: { id: string; name: string; size: number }[];
}
export interface PublicDisclosures {
  orgName: string;
  items: PublicDisclosure[];
  total: number;
}

export interface DisclosureStats {
  schoolYear: number;
  from: string;
  to: string;
  /** Items published in the year (the seed's “列出21大项内容” counts these). */
  items: number;
  /** 资料份数: files attached to those items. */
  attachments: number;
  /** 期数: bulletin issues published in the year. */
  issues: number;
  questions: number;
  answered: number;
  byCategory: { categoryId: string; categoryCode: string | null; categoryName: string; items: number; attachments: number }[];
}
