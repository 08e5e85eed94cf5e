import { DEFAULT_HARDSHIP_CAPS, HARDSHIP_REASONS, nextReviewDate, type ApplicationState } from '../../common/hardship';
import { festivalDate } from '../../common/care';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { addDays, DATASET_END, daysBetween, stamp } from '../dataset/dates';
import { forgetAudit } from '../dataset/reset';
import { LAST_YEAR } from '../dataset/scales';
import { post } from './care';
import { staffOf } from './ground';

// 困难帮扶: a 困难档案 for each member the roster marks 一般困难 or 特困 (2–3% of staff), reviewed every
// September; each calendar year the 春节送温暖 visits every open file with 500 元, and each family
// applies once (特困 twice) — reviewed by the 生活福利委员, approved by the chair and paid within the
// default caps (2,000 元 an application; 2,000 / 6,000 元 a year), or turned down; the last three months'
// applications are still on their way. Every payment is posted to the fund ledger.

const SITUATION = '配偶长期患病，子女在读，家庭收入主要靠本人工资，医保报销后自付仍较多。';
const REJECTED = '经家访核实，家庭收入已有改善，暂不予帮扶。';

export interface HardshipManifest {
  typical: { welfare: string; fileId: string; members: string[] };
}

interface Family {
  member: MemberFact;
  fileId: string;
  severe: boolean;
  /** Paid so far per calendar year, for the yearly cap. */
  paid: Map<number, number>;
}

type Step = { kind: string; at: string; by: MemberFact; data: Record<string, unknown> };

function event(g: GenContext, school: SchoolFact, f: Family, e: Step, applicationId: string | null = null) {
  return g.insert('hardship_events', [{ id: g.id(), org_id: school.id, member_id: f.member.id, application_id: applicationId, kind: e.kind, at: e.at, actor_id: e.by.userId, actor_name: e.by.name, data: JSON.stringify(e.data) }]);
}

/** A payment (hardship.caps.ts pay): the row, its ledger entry, counted against the year's cap. */
async function pay(g: GenContext, school: SchoolFact, f: Family, amount: number, date: string, note: string): Promise<string> {
  const id = g.id();
  const { welfare } = school.officers;
  const year = Number(date.slice(0, 4));
  await g.insert('hardship_payments', [{ id, org_id: school.id, member_id: f.member.id, file_id: f.fileId, date, year, amount, form: 'transfer', note: null, created_by: welfare.userId, created_by_name: welfare.name, created_at: stamp(date) }]);
  await post(g, school, welfare, { category: 'hardship', amount, sourceKind: 'hardship', sourceId: id, date, note });
  f.paid.set(year, (f.paid.get(year) ?? 0) + amount);
  return id;
}

/** One application through review, approval and payment — or as far as it got by the dataset's end. */
async function application(g: GenContext, school: SchoolFact, f: Family, date: string): Promise<void> {
  const { rng } = g;
  const { welfare, chair } = school.officers;
  const cap = DEFAULT_HARDSHIP_CAPS[f.severe ? 'severe' : 'ordinary'];
  const id = g.id();
  const wanted = rng.pick([80_000, 100_000, 150_000, 200_000]);
  const room = cap.perYear - (f.paid.get(Number(date.slice(0, 4))) ?? 0);
  const self = rng.chance(0.5);
  const recent = daysBetween(date, DATASET_END) <= 90;
  const reject = room < 10_000 || rng.chance(0.1);
  const state: ApplicationState = reject ? 'rejected' : recent ? rng.pick(['submitted', 'recommended', 'approved', 'paid'] as const) : 'paid';
  const amount = Math.min(wanted, room);
  const steps: Step[] = [{ kind: 'apply', at: stamp(date), by: self ? f.member : welfare, data: { amount: wanted, reason: '家庭困难', onBehalf: !self } }];
  if (reject) steps.push({ kind: 'reject', at: stamp(date, 3), by: welfare, data: { stage: 'review', reason: REJECTED } });
  else {
    const order: ApplicationState[] = ['submitted', 'recommended', 'approved', 'paid'];
    const upTo = order.indexOf(state);
    if (upTo >= 1) steps.push({ kind: 'recommend', at: stamp(date, 3), by: welfare, data: { amount } });
    if (upTo >= 2) steps.push({ kind: 'approve', at: stamp(date, 5), by: chair, data: { amount } });
    if (upTo >= 3) steps.push({ kind: 'pay', at: stamp(date, 7), by: welfare, data: { amount, date: addDays(date, 7), form: 'transfer' } });
  }
  const paymentId = state === 'paid' ? await pay(g, school, f, amount, addDays(date, 7), `困难帮扶：${f.member.name}`) : null;
  const at = (kind: string) => steps.find((s) => s.kind === kind)?.at ?? null;
  await g.insert('hardship_applications', [{
    id, org_id: school.id, member_id: f.member.id, amount: wanted, reason: '家庭困难，申请帮扶', state, applied_by: steps[0].by.userId, applied_by_name: steps[0].by.name, on_behalf: self ? 0 : 1,
    recommended_amount: at('recommend') ? amount : null, review_note: null, reviewed_by_name: at('recommend') || reject ? welfare.name : null, reviewed_at: at('recommend') ?? at('reject'),
    approved_amount: at('approve') ? amount : null, approved_by_name: at('approve') ? chair.name : null, approved_at: at('approve'), reject_reason: reject ? REJECTED : null,
    payment_id: paymentId, created_at: steps[0].at, updated_at: steps[steps.length - 1].at,
  }]);
  for (const s of steps) await event(g, school, f, s, id);
}

async function schoolHardship(g: GenContext, school: SchoolFact): Promise<Family[]> {
  const { rng } = g;
  const { welfare } = school.officers;
  const opened = `${g.world.years[0]}-09-15`;
  const lastReview = `${LAST_YEAR}-09-15`;
  const families: Family[] = [];
  for (const member of school.members.filter((m) => m.hardship !== 'none')) {
    const f: Family = { member, fileId: g.id(), severe: member.hardship === 'severe', paid: new Map() };
    families.push(f);
    await g.insert('hardship_files', [{
      id: f.fileId, org_id: school.id, member_id: member.id, level: member.hardship, reasons: JSON.stringify([rng.pick(HARDSHIP_REASONS)]), household_size: rng.int(2, 5),
      income_per_head: rng.int(8, 25) * 10_000, situation: SITUATION, notes: '2 次家访属实。', status: 'open', closed_on: null, closed_reason: null,
      review_on: nextReviewDate(lastReview), last_reviewed_on: g.world.years.length > 1 ? lastReview : null, created_by: welfare.userId, created_at: stamp(opened), updated_at: stamp(lastReview),
    }]);
    await event(g, school, f, { kind: 'file_create', at: stamp(opened), by: welfare, data: { level: member.hardship, reviewOn: nextReviewDate(opened) } });
    for (const y of g.world.years.slice(1)) await event(g, school, f, { kind: 'file_reviewed', at: stamp(`${y}-09-15`), by: welfare, data: { fields: ['last_reviewed_on', 'review_on'] } });
  }
  if (families.length === 0) return families;

  // Calendar years whose 春节 falls inside the dataset.
  for (let year = g.world.years[0] + 1; year <= LAST_YEAR + 1; year++) {
    const date = addDays(festivalDate('spring', year) ?? `${year}-02-05`, -10);
    const id = g.id();
    const title = `${year}年春节送温暖`;
    await g.insert('hardship_campaigns', [{ id, org_id: school.id, title, date, year, levels: JSON.stringify(['severe', 'ordinary']), amount: 50_000, form: 'cash', note: null, created_by: welfare.userId, created_by_name: welfare.name, created_at: stamp(date, -7) }]);
    for (const f of families) {
      const paymentId = await pay(g, school, f, 50_000, date, `${title}：${f.member.name}`);
      await g.insert('hardship_campaign_items', [{ id: g.id(), org_id: school.id, campaign_id: id, member_id: f.member.id, file_id: f.fileId, visited_on: date, payment_id: paymentId }]);
      await event(g, school, f, { kind: 'campaign_pay', at: stamp(date), by: welfare, data: { campaignId: id, title, amount: 50_000, date } });
    }
    for (const f of families) {
      for (const md of f.severe ? ['04', '07'] : [rng.pick(['04', '05', '06'])]) {
        const date = `${year}-${md}-${String(rng.int(1, 20)).padStart(2, '0')}`;
        if (addDays(date, 7) < DATASET_END) await application(g, school, f, date);
      }
    }
  }
  return families;
}

export const hardship: Capability = {
  name: 'hardship',

  async generate(g) {
    const { typical: t, made: typical } = await eachSchool(g, (school) => schoolHardship(g, school));
    const manifest: HardshipManifest = { typical: { welfare: t.officers.welfare.username, fileId: typical[0].fileId, members: typical.map((f) => f.member.id) } };
    g.manifest.hardship = manifest;
  },

  paths(m) {
    const t = (m.hardship as HardshipManifest).typical;
    const { orgId } = staffOf(m);
    return [
      { name: 'hardship: files', kind: 'read', accounts: [t.welfare], request: () => ({ method: 'GET', url: '/api/hardship/files', as: 0 }) },
      { name: 'hardship: applications', kind: 'read', accounts: [t.welfare], request: () => ({ method: 'GET', url: '/api/hardship/applications', as: 0 }) },
      { name: 'hardship: a file', kind: 'read', accounts: [t.welfare], request: () => ({ method: 'GET', url: `/api/hardship/files/${t.fileId}`, as: 0 }) },
      {
        // The 生活福利委员 applies on a family's behalf (no cap is checked until the review).
        name: 'hardship: apply',
        kind: 'write',
        accounts: [t.welfare],
        request: (i) => {
          const member = t.members[i % t.members.length];
          return { method: 'POST', url: '/api/hardship/applications', body: { memberId: member, amount: 100_000, reason: '家人突发重病住院，申请临时帮扶' }, as: 0, vars: { member } };
        },
        reset: async (db: Db) => {
          await db.deleteFrom('hardship_events').where('org_id', '=', orgId).where('at', '>=', DATASET_END).execute();
          await db.deleteFrom('hardship_applications').where('org_id', '=', orgId).where('created_at', '>=', DATASET_END).execute();
          await forgetAudit(db, orgId, 'hardship_application');
        },
      },
    ];
  },
};
