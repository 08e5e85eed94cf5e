import type { SessionUser } from '../../common/auth';
import { festivalDate } from '../../common/care';
import type { Database } from '../../server/db/database';
import { hashPassword } from '../../server/lib/passwords';
import { localDate } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createHardshipService } from '../../server/modules/hardship/hardship.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { insertUser } from '../../server/modules/users/users.service';
import { DEMO_PASSWORD, type DemoAccount } from './school';

// 困难帮扶 at the demo school, through the real service (caps checked, payments posted to the ledger):
// two files — a 特困 teacher whose yearly review is due within the month, and an 一般困难 retiree —
// applications in every state, and the coming 春节送温暖 planned with one visit done. Adds the
// 生活福利委员 account `welfare`.

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Runs after seedDemoCare; answers the account it adds. */
export async function seedDemoHardship(database: Database): Promise<DemoAccount[]> {
  const { db } = database;
  const orgs = createOrgsService(db);
  const hardship = createHardshipService(database, orgs);
  const auth = createAuthService(db, 1);
  const as = async (name: string): Promise<SessionUser> => (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const chair = await as('chair');
  const schoolId = chair.org.id;
  // The roster in 工号 order (scripts/demo/school.ts): #57 is marked 特困 and #152 (a retiree) 一般困难 there;
  // #0 leads 语文组, where #9 (the `teacher` account) and #27 are.
  const m = (await db.selectFrom('members').select('id').where('org_id', '=', schoolId).orderBy('employee_no').execute()).map((r) => r.id);
  await insertUser(db, { orgId: schoolId, userId: null, name: '演示数据' }, { username: 'welfare', password: DEMO_PASSWORD, memberId: m[45], roles: ['welfare'], mustChangePassword: false }, await hashPassword(DEMO_PASSWORD));
  const [welfare, leader] = [await as('welfare'), await as('leader')];
  const today = localDate();

  const severe = await hardship.files.create(welfare, {
    memberId: m[57], level: 'severe', reasons: ['illness', 'schooling'], householdSize: 4, incomePerHead: 98_000,
    situation: '配偶患尿毒症长期透析，两个孩子分别在读高中和大学，家庭收入主要靠本人工资。', notes: '2 次家访属实；医保报销后自付仍较多。',
    reviewOn: addDays(today, 20),
  });
  await hardship.files.create(welfare, {
    memberId: m[152], level: 'ordinary', reasons: ['illness', 'other'], householdSize: 2, incomePerHead: 210_000,
    situation: '退休后独居老伴行动不便，需长期护理。', notes: '', reviewOn: addDays(today, 200),
  });

  const apply = (by: SessionUser, memberId: string, amount: number, reason: string) => hardship.applications.apply(by, { memberId, amount, reason });
  // Paid two months ago: 2,000 元 to the 特困 teacher, posted to the ledger.
  const paid = await apply(welfare, m[57], 200_000, '配偶透析费用高，孩子大学学费待交');
  await hardship.applications.review(welfare, paid.id, { decision: 'recommend', amount: 200_000, note: '家访属实' }, 'zh');
  await hardship.applications.approve(chair, paid.id, { decision: 'approve' }, 'zh');
  const twoMonthsAgo = addDays(today, -60);
  await hardship.applications.pay(welfare, paid.id, { date: twoMonthsAgo.startsWith(today.slice(0, 4)) ? twoMonthsAgo : today, form: 'transfer' }, 'zh');
  // Recommended, waiting for the chair; the chair may lower it.
  const waiting = await apply(welfare, m[152], 150_000, '老伴住院护理费用');
  await hardship.applications.review(welfare, waiting.id, { decision: 'recommend', amount: 120_000 }, 'zh');
  // Turned down, with the reason the member reads.
  const rejected = await apply(welfare, m[152], 50_000, '冬季取暖费');
  await hardship.applications.review(welfare, rejected.id, { decision: 'reject', reason: '已纳入春节送温暖名单，一并慰问' }, 'zh');
  // Just sent by the group leader for a member without a file: the committee opens one before the review.
  await apply(leader, m[27], 80_000, '家中老人突发重病住院');

  // The coming 春节送温暖 for every file, planned ten days before the festival; one visit made.
  const year = Number(today.slice(0, 4));
  const spring = [year, year + 1].map((y) => festivalDate('spring', y)).find((d) => d && d >= today) ?? `${year + 1}-02-01`;
  const campaign = await hardship.campaigns.create(welfare, { title: `${spring.slice(0, 4)}年春节送温暖`, date: addDays(spring, -10), levels: ['severe', 'ordinary'], amount: 50_000, form: 'cash', exclude: [] }, 'zh');
  await hardship.campaigns.visit(welfare, campaign.id, campaign.items.find((i) => i.memberId === severe.memberId)!.id, today, 'zh');
  return [{ username: 'welfare', role: 'welfare', who: '生活福利委员' }];
}
