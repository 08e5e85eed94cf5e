import type { Labels } from './labels';

// 慰问's enums and their names, apart from the schemas (common/care.ts) so that a page showing only
// names (the 工作台's reminders) does not load zod.

export const CARE_TYPES = ['hospital', 'childbirth', 'wedding', 'bereavement', 'bereavement_family', 'retirement', 'birthday', 'festival', 'other'] as const;
export type CareType = (typeof CARE_TYPES)[number];
export const CARE_TYPE_LABELS: Labels<CareType> = {
  hospital: { zh: '生病住院', en: 'Hospital stay' },
  childbirth: { zh: '生育', en: 'Childbirth' },
  wedding: { zh: '结婚', en: 'Wedding' },
  bereavement: { zh: '丧事（本人）', en: 'Death of the member' },
  bereavement_family: { zh: '丧事（直系亲属）', en: 'Death in the family' },
  retirement: { zh: '退休', en: 'Retirement' },
  birthday: { zh: '生日', en: 'Birthday' },
  festival: { zh: '节日', en: 'Festival' },
  other: { zh: '其他', en: 'Other' },
};

/** 慰问金 (money) or 实物 (goods, recorded at their value). */
export const CARE_FORMS = ['cash', 'goods'] as const;
export type CareForm = (typeof CARE_FORMS)[number];
export const CARE_FORM_LABELS: Labels<CareForm> = {
  cash: { zh: '慰问金', en: 'Money' },
  goods: { zh: '实物', en: 'Goods' },
};

export const FESTIVALS = ['new_year', 'spring', 'womens_day', 'labour_day', 'dragon_boat', 'teachers_day', 'mid_autumn', 'national_day', 'double_ninth'] as const;
export type Festival = (typeof FESTIVALS)[number];
export const FESTIVAL_LABELS: Labels<Festival> = {
  new_year: { zh: '元旦', en: 'New Year' },
  spring: { zh: '春节', en: 'Spring Festival' },
  womens_day: { zh: '三八妇女节', en: "Women's Day" },
  labour_day: { zh: '劳动节', en: 'Labour Day' },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival' },
  teachers_day: { zh: '教师节', en: "Teachers' Day" },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  national_day: { zh: '国庆节', en: 'National Day' },
  double_ninth: { zh: '重阳节', en: 'Double Ninth Festival' },
};

export const BATCH_SCOPES = ['retirees', 'group', 'picked'] as const;
export type BatchScope = (typeof BATCH_SCOPES)[number];
export const BATCH_SCOPE_LABELS: Labels<BatchScope> = {
  retirees: { zh: '全体退休教职工', en: 'All retirees' },
  group: { zh: '一个工会小组', en: 'A union group' },
  picked: { zh: '指定人员', en: 'Chosen members' },
};
