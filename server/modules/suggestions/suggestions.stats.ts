import { SUGGESTION_CATEGORIES, type AddresseeKind, type SuggestionFigures, type SuggestionStats } from '../../../common/suggestions';
import type { Db } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { schoolYearOf } from '../proposals/proposals.stats';
import { suggestionsRepo } from './suggestions.repo';

// Figures per 学年 (1 September to 31 August, by the school's calendar dates): received, answered
// (at least one reply), and the mean days from a suggestion's date to its first reply.

type Row = Awaited<ReturnType<typeof suggestionsRepo.forPeriod>>[number];

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function figures(rows: Pick<Row, 'received_on' | 'answered_on'>[]): SuggestionFigures {
  const answered = rows.filter((r) => r.answered_on);
  const total = answered.reduce((s, r) => s + days(r.received_on, r.answered_on!), 0);
  return { received: rows.length, answered: answered.length, avgDaysToAnswer: answered.length ? Math.round((total / answered.length) * 10) / 10 : null };
}

export async function suggestionStats(db: Db, orgs: OrgsService, orgId: string, schoolYear?: number): Promise<SuggestionStats> {
  const year = schoolYear ?? schoolYearOf(await orgs.today(orgId));
  const from = `${year}-09-01`;
  const to = `${year + 1}-09-01`;
  const rows = await suggestionsRepo.forPeriod(db, orgId, from, to);
  const mailboxes = new Map<string, { kind: AddresseeKind; departmentId: string | null; name: string }>();
  for (const r of rows) {
    const key = r.department_id ?? r.addressee;
    if (!mailboxes.has(key)) mailboxes.set(key, { kind: r.addressee as AddresseeKind, departmentId: r.department_id, name: r.department_name ?? '' });
  }
  const order = (k: AddresseeKind) => ['principal', 'union', 'department'].indexOf(k);
  return {
    schoolYear: year,
    from,
    to,
    total: figures(rows),
    byCategory: SUGGESTION_CATEGORIES.map((category) => ({ category, ...figures(rows.filter((r) => r.category === category)) })).filter((c) => c.received > 0),
    byAddressee: [...mailboxes.entries()]
      .sort(([, a], [, b]) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name, 'zh'))
      .map(([key, to]) => ({ to, ...figures(rows.filter((r) => (r.department_id ?? r.addressee) === key)) })),
  };
}
