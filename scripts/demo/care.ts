import type { SessionUser } from '../../common/auth';
import { festivalDate, type CareRecordInput, type Festival } from '../../common/care';
import type { Database } from '../../server/db/database';
import { localDate } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { createCareService } from '../../server/modules/care/care.service';
import { createFundsService } from '../../server/modules/funds/funds.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { insertUser } from '../../server/modules/users/users.service';
import { hashPassword } from '../../server/lib/passwords';
import { seeded } from './random';
import { DEMO_PASSWORD, type DemoAccount } from './school';

// A year of 慰问 at the demo school, recorded through the real service (so every cap is checked and
// every payment posts to the ledger): hospital stays (two still in hospital), births, weddings, a
// bereavement, retirements, birthdays, and the retirees' 春节 / 端午 / 重阳 batches — 中秋 is left for
// the committee to prepare. One retiree's 节日 total already stands at the 2,200 元 cap. Plus budgets
// and entries by hand for last year and this, and the 财务委员 and 经费审查委员 accounts.

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** The festival's latest date on or before today. */
const lastOccurrence = (f: Festival, today: string) => {
  const year = Number(today.slice(0, 4));
  const d = festivalDate(f, year);
  return d && d <= today ? d : festivalDate(f, year - 1)!;
};

/** Runs after seedDemoSchool; answers the two accounts it adds, for the demo's account list. */
export async function seedDemoCare(database: Database): Promise<DemoAccount[]> {
  const { db } = database;
  const rng = seeded(20251001);
  const orgs = createOrgsService(db);
  const care = createCareService(database, orgs);
  const funds = createFundsService(db, orgs);
  const auth = createAuthService(db, 1);
  const as = async (name: string): Promise<SessionUser> => (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const schoolId = (await as('committee')).org.id;
  // The roster in 工号 order: 128 teachers, 14 staff, 8 workers, then 35 retirees (scripts/demo/school.ts).
  const m = (await db.selectFrom('members').select('id').where('org_id', '=', schoolId).orderBy('employee_no').execute()).map((r) => r.id);
  const actor = { orgId: schoolId, userId: null, name: '演示数据' };
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts: (DemoAccount & { member: number })[] = [
    { username: 'treasurer', role: 'treasurer', who: '财务委员', member: 20 },
    { username: 'auditor', role: 'auditor', who: '经费审查委员', member: 40 },
  ];
  for (const a of accounts) {
    await insertUser(db, actor, { username: a.username, password: DEMO_PASSWORD, memberId: m[a.member], roles: [a.role], mustChangePassword: false }, hash);
  }
  const [committee, chair, treasurer] = [await as('committee'), await as('chair'), await as('treasurer')];

  const today = localDate();
  const year = Number(today.slice(0, 4));
  const teacher = () => m[rng.int(0, 127)];
  const retirees = m.slice(150);
  const record = (input: Omit<CareRecordInput, 'amount'> & { amount: number }, by = committee) => care.record(by, input, 'zh');

  // Budgets and the income that pays for them, by hand with 凭证号.
  for (const y of [year - 1, year]) {
    await funds.setBudget(treasurer, { year: y, items: { care: 6_000_000, hardship: 2_000_000, activities: 4_000_000, training: 1_500_000, other: 500_000 } });
  }
  const entries: [string, 'income' | 'expense', Parameters<typeof funds.addEntry>[1]['category'], number, string][] = [
    [`${year - 1}-03-15`, 'income', 'allocation', 6_200_000, '上半年拨缴经费（工资总额 2% 的 40% 留成）'],
    [`${year - 1}-09-15`, 'income', 'allocation', 6_350_000, '下半年拨缴经费'],
    [`${year - 1}-12-20`, 'income', 'dues', 980_000, '全年会费'],
    [`${year - 1}-05-20`, 'expense', 'activities', 865_050, '教职工趣味运动会奖品与场地'],
    [`${year - 1}-11-10`, 'expense', 'training', 398_000, '读书活动购书'],
    [`${year}-03-16`, 'income', 'allocation', 6_500_000, '上半年拨缴经费（工资总额 2% 的 40% 留成）'],
    [`${year}-04-01`, 'income', 'admin_subsidy', 2_000_000, '学校行政补助（教职工活动）'],
    [`${year}-05-12`, 'expense', 'activities', 1_236_000, '教职工气排球比赛'],
    [`${year}-06-28`, 'expense', 'training', 450_000, '班主任心理健康培训'],
    [`${year}-09-15`, 'income', 'allocation', 6_500_000, '下半年拨缴经费'],
    [`${year}-10-20`, 'expense', 'activities', 620_000, '重阳登山活动'],
    [`${year}-11-05`, 'expense', 'other', 86_000, '工会办公用品'],
  ];
  let n = 0;
  for (const [date, direction, category, amount, summary] of entries) {
    if (date > today) continue;
    n++;
    await funds.addEntry(treasurer, { direction, category, date, amount, summary, voucherNo: `${date.slice(0, 4)}-${direction === 'income' ? 'S' : 'Z'}${String(n).padStart(3, '0')}` });
  }

  // Festival batches for every retiree; one retiree also had 春节送温暖 goods, reaching the yearly cap.
  const batches: [Festival, number, string][] = [
    ['spring', 30_000, '年货礼包（食用油、大米）'],
    ['dragon_boat', 20_000, '粽子礼盒'],
    ['double_ninth', 20_000, '重阳糕与保健品'],
  ];
  const atCap = retirees[3];
  for (const [festival, amount, item] of batches) {
    const date = lastOccurrence(festival, today);
    await care.createBatch(committee, { festival, date, scope: 'retirees', amount, item, visitors: '工会主席、退休组组长', exclude: [] }, 'zh');
  }
  const yearsFestivals = batches.filter(([f]) => lastOccurrence(f, today).startsWith(String(year))).reduce((s, [, a]) => s + a, 0);
  await record({ memberId: atCap, type: 'festival', festival: 'spring', date: lastOccurrence('spring', today), amount: 220_000 - yearsFestivals, form: 'goods', item: '春节送温暖：棉被、米面油', visitors: '工会主席' }, chair);

  // Hospital stays over the year: most discharged, two in hospital now.
  const stays: [number, string, number, number][] = [
    [300, '腰椎间盘突出手术', 12, 100_000],
    [250, '肺炎', 9, 80_000],
    [200, '甲状腺结节手术', 6, 100_000],
    [160, '冠心病支架', 8, 150_000],
    [120, '骨折', 20, 100_000],
    [75, '胆囊切除', 7, 80_000],
    [12, '脑梗', 0, 150_000],
    [5, '肺部感染', 0, 80_000],
  ];
  for (const [ago, reason, days, amount] of stays) {
    const date = addDays(today, -ago);
    const who = ago > 100 && rng.chance(0.5) ? retirees[rng.int(0, retirees.length - 1)] : teacher();
    const r = await record({ memberId: who, type: 'hospital', date, amount, reason, admittedOn: addDays(date, -1), visitors: '工会主席、生活福利委员', form: 'cash' });
    if (days > 0) await care.update(committee, r.id, { dischargedOn: addDays(date, days) });
  }

  const events: [CareRecordInput['type'], number, number, string | undefined][] = [
    ['childbirth', 280, 100_000, undefined],
    ['childbirth', 140, 100_000, undefined],
    ['childbirth', 30, 100_000, undefined],
    ['wedding', 330, 100_000, undefined],
    ['wedding', 190, 100_000, undefined],
    ['wedding', 60, 100_000, undefined],
    ['bereavement_family', 210, 100_000, undefined],
    ['other', 100, 50_000, '子女重病住院，家中困难'],
  ];
  for (const [type, ago, amount, reason] of events) await record({ memberId: teacher(), type, date: addDays(today, -ago), amount, reason, visitors: '工会委员' });
  for (const idx of [168, 175]) await record({ memberId: m[idx], type: 'retirement', date: `${year}-0${rng.int(1, 7)}-28`, amount: 100_000, form: 'goods', item: '纪念品与相册' });

  // Birthday cakes for staff whose birthday has come this year.
  const born = await db.selectFrom('members').select(['id', 'birth_date']).where('org_id', '=', schoolId).where('status', '=', 'active').execute();
  for (const b of born.filter((x) => x.birth_date && `${year}${x.birth_date.slice(4)}` < today).slice(0, 40)) {
    if (rng.chance(0.5)) await record({ memberId: b.id, type: 'birthday', date: `${year}${b.birth_date!.slice(4)}`, amount: 20_000, form: 'goods', item: '生日蛋糕券' });
  }
  return accounts.map(({ username, role, who }) => ({ username, role, who }));
}
