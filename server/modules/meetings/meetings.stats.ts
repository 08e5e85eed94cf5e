import type { MeetingFigures, MeetingStats } from '../../../common/meetings';
import type { Db } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { schoolYearOf } from '../proposals/proposals.stats';
import { meetingsRepo } from './meetings.repo';
import { typeActions } from './meetings.types';

// Figures per 学年 (1 September to 31 August) by type, for the annual summary: meetings held,
// attendees (person-times), opinions raised and opinions passed on.

type Row = Awaited<ReturnType<typeof meetingsRepo.forPeriod>>[number];

const figures = (rows: Row[]): MeetingFigures => ({
  meetings: rows.length,
  attendees: rows.reduce((s, r) => s + Number(r.attendees), 0),
  opinions: rows.reduce((s, r) => s + Number(r.opinions), 0),
  converted: rows.reduce((s, r) => s + Number(r.converted), 0),
});

export async function meetingStats(db: Db, orgs: OrgsService, orgId: string, schoolYear?: number): Promise<MeetingStats> {
  const year = schoolYear ?? schoolYearOf(await orgs.today(orgId));
  const from = `${year}-09-01`;
  const to = `${year + 1}-09-01`;
  const [rows, types] = await Promise.all([meetingsRepo.forPeriod(db, orgId, from, to), typeActions(db).list(orgId)]);
  return {
    schoolYear: year,
    from,
    to,
    total: figures(rows),
    // Every type in use, and retired ones only when they have meetings this year.
    byType: types
      .map((t) => ({ typeId: t.id, name: t.name, retired: t.retired, ...figures(rows.filter((r) => r.type_id === t.id)) }))
      .filter((t) => !t.retired || t.meetings > 0)
      .map(({ retired: _, ...t }) => t),
  };
}
