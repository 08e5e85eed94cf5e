import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, CASE_OUTCOME_LABELS, CASE_SATISFIED_FROM, CASE_STATE_LABELS, type CaseCategory, type CaseCount, type CaseFigures, type CaseOutcome, type CaseState } from '../../../common/cases';
import type { Db } from '../../db/database';
import { workbookBuffer } from '../../lib/xlsx';
import { casesRepo, type CaseRow } from './cases.repo';
import { isOverdue } from './cases.view';

// The year's figures (counts only, never a name) and the union's .xlsx of the year's cases. A year is
// the calendar year in which a case was raised.

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const count = (rows: CaseRow[]): CaseCount => {
  const closed = rows.filter((r) => r.state === 'closed').length;
  return { total: rows.length, open: rows.length - closed, closed };
};

const yearRows = (db: Db, orgId: string, year: number) => casesRepo.forPeriod(db, orgId, `${year}-01-01`, `${year + 1}-01-01`);

export async function caseFigures(db: Db, orgId: string, year: number, today: string): Promise<CaseFigures> {
  const rows = await yearRows(db, orgId, year);
  const closed = rows.filter((r) => r.closed_on);
  const rated = rows.filter((r) => r.rating !== null).map((r) => r.rating!);
  // An explanation counts once given, also when the member later said "not resolved" and it is being redone.
  const explained = rows.filter((r) => r.explained_on || r.closed_on).length;
  return {
    year,
    ...count(rows),
    byCategory: CASE_CATEGORIES.map((category) => ({ category, ...count(rows.filter((r) => r.category === category)) })).filter((c) => c.total > 0),
    overdue: rows.filter((r) => isOverdue(r, today)).length,
    medianDaysToClose: median(closed.map((r) => days(r.raised_on, r.closed_on!))),
    explained,
    explainedShare: share(explained, rows.length),
    rated: rated.length,
    avgRating: rated.length ? Math.round((rated.reduce((s, r) => s + r, 0) / rated.length) * 10) / 10 : null,
    satisfiedShare: share(rated.filter((r) => r >= CASE_SATISFIED_FROM).length, rated.length),
  };
}

/** The year's cases as the union sees them in its inbox: no content, no attachments, no comments. */
export async function casesXlsx(db: Db, orgId: string, year: number, today: string): Promise<Buffer> {
  const rows = await yearRows(db, orgId, year);
  return workbookBuffer([
    {
      name: `${year}年权益诉求`,
      headers: ['提出日期', '提出人', '类别', '事由', '状态', '承办部门', '办理期限', '是否逾期', '部门答复日期', '处理结果', '解释日期', '办结日期', '评分'],
      rows: rows.map((r) => [
        r.raised_on,
        r.member_name ?? '（匿名来源）',
        CASE_CATEGORY_LABELS[r.category as CaseCategory]?.zh ?? r.category,
        r.title,
        CASE_STATE_LABELS[r.state as CaseState]?.zh ?? r.state,
        r.department_name,
        r.deadline,
        isOverdue(r, today) ? '逾期' : '',
        r.responded_on,
        r.outcome ? CASE_OUTCOME_LABELS[r.outcome as CaseOutcome].zh : '',
        r.explained_on,
        r.closed_on,
        r.rating,
      ]),
    },
  ]);
}
