import type { Labels } from './labels';

// 困难帮扶's enums and their names, apart from the schemas (common/hardship.ts) so that a page showing only
// names (the 工作台's reminders) does not load zod.

export const HARDSHIP_FILE_LEVELS = ['ordinary', 'severe'] as const;
export type HardshipFileLevel = (typeof HARDSHIP_FILE_LEVELS)[number];
export const HARDSHIP_FILE_LEVEL_LABELS: Labels<HardshipFileLevel> = {
  ordinary: { zh: '一般困难', en: 'In hardship' },
  severe: { zh: '特困', en: 'Severe hardship' },
};

export const HARDSHIP_REASONS = ['illness', 'schooling', 'single_parent', 'disability', 'disaster', 'unemployment', 'other'] as const;
export type HardshipReason = (typeof HARDSHIP_REASONS)[number];
export const HARDSHIP_REASON_LABELS: Labels<HardshipReason> = {
  illness: { zh: '疾病', en: 'Illness' },
  schooling: { zh: '子女就学', en: "Children's schooling" },
  single_parent: { zh: '单亲', en: 'Single parent' },
  disability: { zh: '残疾', en: 'Disability' },
  disaster: { zh: '灾害', en: 'Disaster' },
  unemployment: { zh: '家属失业', en: 'Family member out of work' },
  other: { zh: '其他', en: 'Other' },
};

/** 在档 (open) or 脱困 (closed, with the reason). */
export const HARDSHIP_FILE_STATUSES = ['open', 'closed'] as const;
export type HardshipFileStatus = (typeof HARDSHIP_FILE_STATUSES)[number];
export const HARDSHIP_FILE_STATUS_LABELS: Labels<HardshipFileStatus> = {
  open: { zh: '在档', en: 'Open' },
  closed: { zh: '已脱困', en: 'Closed' },
};

/** submitted → recommended (委员审核) → approved (主席审批) → paid; rejected at either review. */
export const APPLICATION_STATES = ['submitted', 'recommended', 'approved', 'paid', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_LABELS: Labels<ApplicationState> = {
  submitted: { zh: '待审核', en: 'Awaiting review' },
  recommended: { zh: '待主席审批', en: 'Awaiting approval' },
  approved: { zh: '待发放', en: 'Awaiting payment' },
  paid: { zh: '已发放', en: 'Paid' },
  rejected: { zh: '未通过', en: 'Rejected' },
};

export const PAY_FORMS = ['cash', 'transfer', 'goods'] as const;
export type PayForm = (typeof PAY_FORMS)[number];
export const PAY_FORM_LABELS: Labels<PayForm> = {
  cash: { zh: '现金', en: 'Cash' },
  transfer: { zh: '转账', en: 'Bank transfer' },
  goods: { zh: '实物', en: 'Goods' },
};
