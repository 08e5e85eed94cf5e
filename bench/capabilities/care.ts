import { FESTIVAL_LABELS, festivalDate, illnessKey, type CareType, type Festival } from '../../common/care';
import type { FundExpenseCategory, FundIncomeCategory, FundSource } from '../../common/funds';
import type { Db } from '../../server/db/database';
import { ledgerNote } from '../../server/modules/care/care.records';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { addDays, DATASET_END, dayOfYear, stamp } from '../dataset/dates';
import { forgetAudit } from '../dataset/reset';
import { LAST_YEAR } from '../dataset/scales';
import { staffOf } from './ground';

// 慰问 and the 工会经费 ledger, as the care service records them (every amount in 分 within the caps of
// common/orgs.ts, every payment posted to the ledger in its own entry): a 200 元 birthday cake voucher
// for every member, 中秋 / 重阳 / 春节 / 端午 goods for all retirees in batches (850 元 a calendar year,
// under the 2,200 元 cap), and per 150 staff a year 3–8 hospital visits (once per illness and year),
// births, weddings and bereavements. The treasurer sets each calendar year's budget and enters income
// and spending by hand with 凭证号.

const BATCHES: { festival: Festival; amount: number; item: string; nextYear: boolean }[] = [
  { festival: 'mid_autumn', amount: 20_000, item: '月饼礼盒', nextYear: false },
  { festival: 'double_ninth', amount: 20_000, item: '重阳糕与保健品', nextYear: false },
  { festival: 'spring', amount: 30_000, item: '年货礼包（食用油、大米）', nextYear: true },
  { festival: 'dragon_boat', amount: 15_000, item: '粽子礼盒', nextYear: true },
];
/** A typical date for the lunar festivals before common/care.ts's table starts (2024): the province's ten years go back to 2015. */
const TYPICAL_DAY: Partial<Record<Festival, string>> = { spring: '02-05', dragon_boat: '06-10', mid_autumn: '09-20', double_ninth: '10-15' };
const ILLNESSES = ['腰椎间盘突出手术', '肺炎', '甲状腺结节手术', '冠心病支架', '骨折', '胆囊切除', '脑梗', '肺部感染'];
const EVENTS: { type: CareType; perYear: [number, number]; amount: number; reason?: string }[] = [
  { type: 'childbirth', perYear: [1, 4], amount: 100_000 },
  { type: 'wedding', perYear: [1, 4], amount: 100_000 },
  { type: 'bereavement_family', perYear: [1, 4], amount: 100_000 },
  { type: 'other', perYear: [0, 2], amount: 50_000, reason: '子女重病住院，家中困难' },
];
/** Entries by hand each calendar year: [month-day, direction, category, 分 per member of staff, 摘要]. */
const MANUAL: [string, 'income' | 'expense', FundIncomeCategory | FundExpenseCategory, number, string][] = [
  ['03-15', 'income', 'allocation', 48_000, '上半年拨缴经费（工资总额 2% 的 40% 留成）'],
  ['04-01', 'income', 'admin_subsidy', 13_000, '学校行政补助（教职工活动）'],
  ['05-12', 'expense', 'activities', 8_000, '教职工趣味运动会奖品与场地'],
  ['06-28', 'expense', 'training', 3_000, '班主任心理健康培训'],
  ['09-15', 'income', 'allocation', 48_000, '下半年拨缴经费'],
  ['10-20', 'expense', 'activities', 4_000, '重阳登山活动'],
  ['11-05', 'expense', 'other', 600, '工会办公用品'],
  ['12-20', 'income', 'dues', 6_000, '全年会费'],
];
/** Budget per calendar year, 分 per member of staff. */
const BUDGET: Record<FundExpenseCategory, number> = { care: 60_000, hardship: 15_000, activities: 30_000, training: 10_000, other: 4_000 };

/** The calendar year the typical school's bench entries are dated in: after the dataset, so no cap counts a generated record. */
export const BENCH_YEAR = LAST_YEAR + 2;

export interface CareManifest {
  typical: { committee: string; treasurer: string; recordId: string; year: number; members: { id: string; birthDate: string }[] };
}

/** A spending entry another module posts with its payment (server/modules/funds/funds.ledger.ts). */
export function post(g: GenContext, school: SchoolFact, by: MemberFact, e: { category: FundExpenseCategory; amount: number; sourceKind: Exclude<FundSource, 'manual'>; sourceId: string; date: string; note: string }) {
  return g.insert('fund_entries', [{
    id: g.id(), org_id: school.id, year: Number(e.date.slice(0, 4)), date: e.date, direction: 'expense', category: e.category, amount: e.amount, voucher_no: null,
    summary: e.note, source_kind: e.sourceKind, source_id: e.sourceId, reverses_id: null, created_by: by.userId, created_by_name: by.name, created_at: stamp(e.date),
  }]);
}

type Visit = { member: MemberFact; type: CareType; date: string; amount: number; form?: 'cash' | 'goods'; item?: string; festival?: Festival; reason?: string; batchId?: string; dischargedOn?: string | null };

/** One care record as care.records.ts writes it; a single record (not a batch's) posts its own ledger entry. */
async function record(g: GenContext, school: SchoolFact, by: MemberFact, r: Visit): Promise<string> {
  const id = g.id();
  const at = stamp(r.date);
  const hospital = r.type === 'hospital';
  await g.insert('care_records', [{
    id, org_id: school.id, member_id: r.member.id, type: r.type, date: r.date, year: Number(r.date.slice(0, 4)), amount: r.amount, form: r.form ?? 'cash',
    item: r.item ?? null, festival: r.festival ?? null, reason: r.reason ?? null, illness_key: hospital ? illnessKey(r.reason!) : null,
    admitted_on: hospital ? addDays(r.date, -1) : null, discharged_on: hospital ? (r.dischargedOn ?? null) : null, visitors: r.batchId ? '工会主席、退休组组长' : '工会主席、生活福利委员',
    note: null, override_reason: null, batch_id: r.batchId ?? null, voided_at: null, void_reason: null, created_by: by.userId, created_by_name: by.name, created_at: at, updated_at: at,
  }]);
  if (!r.batchId) await post(g, school, by, { category: 'care', amount: r.amount, sourceKind: 'care', sourceId: id, date: r.date, note: ledgerNote(r.type, r.member.name) });
  return id;
}

async function festivalBatch(g: GenContext, school: SchoolFact, by: MemberFact, b: (typeof BATCHES)[number], year: number): Promise<void> {
  const retirees = school.members.filter((m) => !m.active);
  if (retirees.length === 0) return;
  const date = addDays(festivalDate(b.festival, year) ?? `${year}-${TYPICAL_DAY[b.festival]}`, -3);
  const id = g.id();
  const total = b.amount * retirees.length;
  await g.insert('care_batches', [{
    id, org_id: school.id, festival: b.festival, date, year, scope: 'retirees', group_name: null, item: b.item, amount: b.amount, count: retirees.length, total,
    visitors: '工会主席、退休组组长', note: null, created_by: by.userId, created_by_name: by.name, created_at: stamp(date),
  }]);
  for (const member of retirees) await record(g, school, by, { member, type: 'festival', date, amount: b.amount, form: 'goods', item: b.item, festival: b.festival, batchId: id });
  await post(g, school, by, { category: 'care', amount: total, sourceKind: 'care_batch', sourceId: id, date, note: `${year}年${FESTIVAL_LABELS[b.festival].zh}慰问：${retirees.length} 人，${b.item}` });
}

/** A school year of 慰问; answers a hospital record of the year. */
async function schoolYear(g: GenContext, school: SchoolFact, year: number): Promise<string> {
  const { rng } = g;
  const by = school.officers.welfare;
  // Batches first: buffers are written in the order tables first appear, and records point at batches.
  for (const b of BATCHES) await festivalBatch(g, school, by, b, b.nextYear ? year + 1 : year);
  for (const member of school.members) {
    const md = member.birthDate.slice(5);
    await record(g, school, by, { member, type: 'birthday', date: `${md >= '09-01' ? year : year + 1}-${md}`, amount: 20_000, form: 'goods', item: '生日蛋糕券' });
  }

  const scale = school.members.length / 150;
  const active = school.members.filter((m) => m.active);
  const stays = new Set<string>();
  let hospital = '';
  for (let n = Math.round(scale * rng.int(3, 8)); n > 0; n--) {
    const member = rng.chance(0.7) ? rng.pick(active) : rng.pick(school.members);
    const date = dayOfYear(rng, year);
    const reason = rng.pick(ILLNESSES);
    // 住院 once per illness per calendar year: a second visit for the same illness is not recorded.
    const key = `${member.id}|${date.slice(0, 4)}|${reason}`;
    if (stays.has(key)) continue;
    stays.add(key);
    const out = addDays(date, rng.int(3, 20));
    hospital = await record(g, school, by, { member, type: 'hospital', date, amount: rng.pick([50_000, 80_000, 100_000, 150_000, 200_000]), reason, dischargedOn: out < DATASET_END ? out : null });
  }
  for (const e of EVENTS) {
    for (let n = Math.round(scale * rng.int(...e.perYear)); n > 0; n--) {
      const pool = e.type === 'childbirth' ? active.filter((m) => m.female) : active;
      if (pool.length) await record(g, school, by, { member: rng.pick(pool), type: e.type, date: dayOfYear(rng, year), amount: e.amount, reason: e.reason });
    }
  }
  return hospital;
}

/** Each calendar year's budget, and the entries by hand that fall within the dataset. */
async function ledgerByHand(g: GenContext, school: SchoolFact): Promise<void> {
  const { treasurer: by } = school.officers;
  const size = school.members.length;
  const [from, to] = [`${g.world.years[0]}-09-01`, DATASET_END];
  for (let year = g.world.years[0]; year <= LAST_YEAR + 1; year++) {
    await g.insert('fund_budgets', Object.entries(BUDGET).map(([category, perHead]) => ({ org_id: school.id, year, category, amount: perHead * size, updated_by: by.userId, updated_at: stamp(`${year}-01-05`) })));
    const seq = { income: 0, expense: 0 };
    for (const [md, direction, category, perHead, summary] of MANUAL) {
      const date = `${year}-${md}`;
      if (date < from || date >= to) continue;
      await g.insert('fund_entries', [{
        id: g.id(), org_id: school.id, year, date, direction, category, amount: perHead * size, voucher_no: `${year}-${direction === 'income' ? 'S' : 'Z'}${String(++seq[direction]).padStart(3, '0')}`,
        summary, source_kind: 'manual', source_id: null, reverses_id: null, created_by: by.userId, created_by_name: by.name, created_at: stamp(date),
      }]);
    }
  }
}

export const care: Capability = {
  name: 'care',

  async generate(g) {
    const { typical: t, made: recordId } = await eachSchool(g, async (school) => {
      await ledgerByHand(g, school);
      let hospital = '';
      for (const year of g.world.years) hospital = (await schoolYear(g, school, year)) || hospital;
      return hospital;
    });
    const manifest: CareManifest = {
      typical: {
        committee: t.officers.committee[0].username,
        treasurer: t.officers.treasurer.username,
        recordId,
        year: LAST_YEAR,
        members: t.members.map((m) => ({ id: m.id, birthDate: m.birthDate })),
      },
    };
    g.manifest.care = manifest;
  },

  paths(m) {
    const t = (m.care as CareManifest).typical;
    const { orgId } = staffOf(m);
    return [
      { name: 'care: records list', kind: 'read', main: true, accounts: [t.committee], request: () => ({ method: 'GET', url: '/api/care/records?page=1&pageSize=20', as: 0 }) },
      { name: 'care: a record', kind: 'read', accounts: [t.committee], request: () => ({ method: 'GET', url: `/api/care/records/${t.recordId}`, as: 0 }) },
      {
        // A 100 元 birthday cake voucher on each member's birthday of BENCH_YEAR, member after member: the
        // 500 元 yearly birthday cap allows five each, so a run stops there; the reset takes them back.
        name: 'care: record a birthday 慰问',
        kind: 'write',
        accounts: [t.committee],
        limit: 5 * t.members.length,
        request: (i) => {
          const member = t.members[i % t.members.length];
          const date = `${BENCH_YEAR}-${member.birthDate.slice(5)}`;
          return { method: 'POST', url: '/api/care/records', body: { memberId: member.id, type: 'birthday', date, amount: 10_000, form: 'goods', item: '生日蛋糕券' }, as: 0, vars: { member: member.id, date } };
        },
        reset: async (db: Db) => {
          await db.deleteFrom('care_records').where('org_id', '=', orgId).where('year', '=', BENCH_YEAR).execute();
          await db.deleteFrom('fund_entries').where('org_id', '=', orgId).where('year', '=', BENCH_YEAR).execute();
          await forgetAudit(db, orgId, 'care_record');
        },
      },
      { name: 'funds: the year at a glance', kind: 'read', accounts: [t.treasurer], request: () => ({ method: 'GET', url: `/api/funds/summary?year=${t.year}`, as: 0 }) },
      { name: 'funds: ledger entries', kind: 'read', accounts: [t.treasurer], request: () => ({ method: 'GET', url: `/api/funds/entries?year=${t.year}&page=1&pageSize=20`, as: 0 }) },
    ];
  },
};
