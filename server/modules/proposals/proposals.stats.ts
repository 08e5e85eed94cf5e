import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, type ProposalFigures, type ProposalPeriod, type ProposalStats } from '../../../common/proposals';
import type { Db } from '../../db/database';
import type { ProposalsTable } from '../../db/tables';
import { Invalid } from '../../lib/errors';
import { localDate, localDayStartUtc } from '../../lib/time';
import type { OrgsService } from '../orgs/orgs.service';
import { proposalsRepo } from './proposals.repo';
import { threadRepo } from './proposals.thread.repo';

// The figures annual reports quote (DOMAIN.md): 提案数, 立案数, 立案率 = 立案/提案, 办结率 = (答复或办结)/立案,
// 满意率 = (满意 + 基本满意)/已评价. A proposal counts in the 学年 (Sept–Aug, school's time zone) it was submitted in.

/** The 学年 a local date falls in, named by the year it starts: 2026-03-01 → 2025. */
export const schoolYearOf = (date: string): number => Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0);

const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

type Counted = Pick<ProposalsTable, 'decision' | 'state' | 'rating'> & { n?: number };

/** From proposals counted by decision, state and rating (`n` of each kind; a plain row is one). */
export function figures(rows: Counted[]): ProposalFigures {
  const count = (keep: (r: Counted) => boolean) => rows.reduce((sum, r) => sum + (keep(r) ? (r.n ?? 1) : 0), 0);
  const submitted = count(() => true);
  const accepted = count((r) => r.decision === 'accepted');
  const done = count((r) => r.decision === 'accepted' && (r.state === 'replied' || r.state === 'closed'));
  const rated = count((r) => !!r.rating);
  const satisfied = count((r) => r.rating === 'satisfied' || r.rating === 'basically_satisfied');
  return {
    submitted,
    accepted,
    acceptedRate: rate(accepted, submitted),
    done,
    doneRate: rate(done, accepted),
    rated,
    satisfied,
    satisfactionRate: rate(satisfied, rated),
  };
}

export interface ResolvedPeriod {
  sessionId?: string;
  schoolYear?: number;
  from?: string;
  to?: string;
}

/** A session, a given 学年, or by default the current 学年; times as UTC bounds of the school's days. */
export async function resolvePeriod(db: Db, orgs: OrgsService, orgId: string, p: ProposalPeriod, defaultToCurrentYear: boolean): Promise<ResolvedPeriod> {
  if (p.sessionId) {
    if (!(await threadRepo.session(db, orgId, p.sessionId))) throw Invalid('sessionId', 'err.proposal_session_not_found');
    return { sessionId: p.sessionId };
  }
  const tz = (await orgs.get(orgId)).settings.timezone;
  const year = p.schoolYear ?? (defaultToCurrentYear ? schoolYearOf(localDate(tz)) : undefined);
  if (year === undefined) return {};
  return { schoolYear: year, from: localDayStartUtc(`${year}-09-01`, tz), to: localDayStartUtc(`${year + 1}-09-01`, tz) };
}

export async function proposalStats(db: Db, orgs: OrgsService, orgId: string, p: ProposalPeriod): Promise<ProposalStats> {
  const period = await resolvePeriod(db, orgs, orgId, p, true);
  const rows = await proposalsRepo.countsForPeriod(db, orgId, period);
  const departments = [...new Set(rows.map((r) => r.department).filter((d): d is string => !!d))].sort();
  return {
    period: { sessionId: period.sessionId ?? null, schoolYear: period.schoolYear ?? null, from: period.from ?? null, to: period.to ?? null },
    total: figures(rows),
    byCategory: PROPOSAL_CATEGORIES.map((c) => ({ category: c, label: PROPOSAL_CATEGORY_LABELS[c].zh, ...figures(rows.filter((r) => r.category === c)) })).filter(
      (c) => c.submitted > 0,
    ),
    // By 主办 department: only assigned proposals have one.
    byDepartment: departments.map((d) => ({ department: d, ...figures(rows.filter((r) => r.department === d)) })),
  };
}
