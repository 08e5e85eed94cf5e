import type { SessionUser } from '../../../common/auth';
import { FESTIVAL_WINDOW, nextFestival, type CareReminders } from '../../../common/care';
import type { Db } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { careRepo } from './care.repo';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** How many retirees not yet visited the 工作台 names; the rest are counted. */
const NAMED = 30;

/** The 工作台's 慰问 card: birthdays this month, who is in hospital now, retirees before the coming festival. */
export async function careReminders(db: Db, orgs: OrgsService, user: SessionUser): Promise<CareReminders> {
  const orgId = user.org.id;
  const today = await orgs.today(orgId);
  const year = today.slice(0, 4);
  const [born, birthdayVisits, stays] = await Promise.all([
    careRepo.birthdaysIn(db, orgId, today.slice(5, 7)),
    careRepo.visited(db, orgId, 'birthday', `${year}-01-01`, `${year}-12-31`),
    careRepo.openStays(db, orgId),
  ]);
  const next = nextFestival(today);
  let festival: CareReminders['festival'] = null;
  if (next) {
    const [retirees, visited] = await Promise.all([
      careRepo.retirees(db, orgId),
      careRepo.visited(db, orgId, 'festival', addDays(next.date, -FESTIVAL_WINDOW.before), addDays(next.date, FESTIVAL_WINDOW.after), next.festival),
    ]);
    const notVisited = retirees.filter((m) => !visited.has(m.id));
    festival = Object.assign(next, {
      daysLeft: Math.round((Date.parse(next.date) - Date.parse(today)) / DAY),
      retirees: retirees.length,
      notVisited: notVisited.slice(0, NAMED).map((m) => ({ memberId: m.id, name: m.name })),
      notVisitedCount: notVisited.length,
    });
  }
  return {
    today,
    birthdays: born.map((m) => ({ memberId: m.id, name: m.name, department: m.department, birthDate: m.birth_date!, visited: birthdayVisits.has(m.id) })),
    inHospital: stays.map((r) => ({ recordId: r.id, memberId: r.member_id, name: r.member_name, department: r.department, admittedOn: r.admitted_on!, reason: r.reason })),
    festival,
  };
}
