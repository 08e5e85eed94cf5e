import type { ExpressionBuilder } from 'kysely';
import type { ApplicationListQuery } from '../../../common/hardship';
import { compiledQuery, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type {
  HardshipApplicationsTable,
  HardshipCampaignItemsTable,
  HardshipCampaignsTable,
  HardshipEventsTable,
  HardshipFilesTable,
  HardshipPaymentsTable,
  Tables,
} from '../../db/tables';
import { sumOf } from '../funds/funds.repo';

export type FileRow = HardshipFilesTable & { member_name: string; employee_no: string; department: string | null };
export type ApplicationRow = HardshipApplicationsTable & { member_name: string; department: string | null; file_id: string | null };
export type PaymentRow = HardshipPaymentsTable & { application_id: string | null; campaign_title: string | null };
export type ItemRow = HardshipCampaignItemsTable & { name: string; department: string | null; employee_no: string; level: string; paid_on: string | null; paid_amount: number | null };

function files(db: Db, orgId: string) {
  return db
    .selectFrom('hardship_files as f')
    // Joined within the school (see disclosures.repo).
    .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'f.member_id').on('m.org_id', '=', orgId))
    .where('f.org_id', '=', orgId)
    .selectAll('f')
    .select(['m.name as member_name', 'm.employee_no', 'm.department']);
}

function applications(db: Db, orgId: string) {
  return db
    .selectFrom('hardship_applications as a')
    .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'a.member_id').on('m.org_id', '=', orgId))
    .leftJoin('hardship_files as f', (j) => j.onRef('f.member_id', '=', 'a.member_id').onRef('f.org_id', '=', 'a.org_id'))
    .where('a.org_id', '=', orgId)
    .selectAll('a')
    .select(['m.name as member_name', 'm.department', 'f.id as file_id']);
}

// A file's page (the committee's and the member's own): its queries compiled once (db/compiled.ts), as
// Kysely's building of them cost more than SQLite takes to run them.
const fileById = compiledQuery((db, p: { orgId: string; id: string }) => files(db, p.orgId).where('f.id', '=', p.id));
const applicationsOf = compiledQuery((db, p: { orgId: string; memberId: string }) =>
  applications(db, p.orgId).where('a.member_id', '=', p.memberId).orderBy('a.created_at', 'desc').orderBy('a.id'),
);
const paymentsOf = compiledQuery((db, p: { orgId: string; memberId: string }) =>
  db
    .selectFrom('hardship_payments as p')
    .leftJoin('hardship_applications as a', (j) => j.onRef('a.org_id', '=', 'p.org_id').onRef('a.payment_id', '=', 'p.id'))
    .leftJoin('hardship_campaign_items as i', (j) => j.onRef('i.org_id', '=', 'p.org_id').onRef('i.payment_id', '=', 'p.id'))
    .leftJoin('hardship_campaigns as c', 'c.id', 'i.campaign_id')
    .where('p.org_id', '=', p.orgId)
    .where('p.member_id', '=', p.memberId)
    .selectAll('p')
    .select(['a.id as application_id', 'c.title as campaign_title'])
    .orderBy('p.date', 'desc')
    .orderBy('p.created_at', 'desc'),
);
const eventsOf = compiledQuery((db, p: { orgId: string; memberId: string }) =>
  db.selectFrom('hardship_events').selectAll().where('org_id', '=', p.orgId).where('member_id', '=', p.memberId).orderBy('at', 'desc').orderBy('id', 'desc'),
);
// The files list (the welfare member's desk), once per pair of filters present.
const filesList = perShape(
  JSON.stringify,
  (has: { status: boolean; level: boolean }) =>
    compiledQuery((db, p: { orgId: string; status: string | null; level: string | null }) => {
      let q = files(db, p.orgId).where('m.deleted_at', 'is', null);
      if (has.status) q = q.where('f.status', '=', p.status);
      if (has.level) q = q.where('f.level', '=', p.level);
      return q.orderBy('f.status', 'desc').orderBy('f.review_on').orderBy('m.employee_no');
    }),
);
const capRows = compiledQuery((db, p: { orgId: string }) => db.selectFrom('hardship_caps').select(['level', 'per_application', 'per_year']).where('org_id', '=', p.orgId));

export const hardshipRepo = {
  /** Whether a file, application or campaign of this school has the id. */
  exists: async (db: Db, orgId: string, table: 'hardship_files' | 'hardship_applications' | 'hardship_campaigns', id: string) =>
    !!(await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()),
  caps: (db: Db, orgId: string) => capRows(db, { orgId }),
  async putCap(db: Db, orgId: string, level: string, perApplication: number, perYear: number, by: string, at: string): Promise<void> {
    await db.deleteFrom('hardship_caps').where('org_id', '=', orgId).where('level', '=', level).execute();
    await db.insertInto('hardship_caps').values({ org_id: orgId, level, per_application: perApplication, per_year: perYear, updated_by: by, updated_at: at }).execute();
  },

  member: (db: Db, orgId: string, id: string) =>
    db.selectFrom('members').select(['id', 'name', 'department', 'group_id']).where('org_id', '=', orgId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),
  /** Whether `leaderMemberId` leads the 工会小组 that `memberId` belongs to. */
  async leadsGroupOf(db: Db, orgId: string, leaderMemberId: string, memberId: string): Promise<boolean> {
    const row = await db
      .selectFrom('members as m')
      .innerJoin('member_groups as g', 'g.id', 'm.group_id')
      .select('g.id')
      .where('m.org_id', '=', orgId)
      .where('m.id', '=', memberId)
      .where('m.deleted_at', 'is', null)
      .where('g.leader_member_id', '=', leaderMemberId)
      .executeTakeFirst();
    return !!row;
  },

  /** Live members of the groups `leaderMemberId` leads, and `selfId`. */
  applicable(db: Db, orgId: string, f: { leaderMemberId: string | null; selfId: string | null }) {
    return db
      .selectFrom('members as m')
      .leftJoin('member_groups as g', 'g.id', 'm.group_id')
      .select(['m.id', 'm.name', 'm.department'])
      .where('m.org_id', '=', orgId)
      .where('m.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('m.id', '=', f.selfId ?? ''), eb('g.leader_member_id', '=', f.leaderMemberId ?? '')]))
      .orderBy('m.employee_no')
      .execute();
  },

  listFiles: (db: Db, orgId: string, f: { status?: string; level?: string }): Promise<FileRow[]> =>
    filesList({ status: !!f.status, level: !!f.level })(db, { orgId, status: f.status ?? null, level: f.level ?? null }),
  findFile: async (db: Db, orgId: string, id: string): Promise<FileRow | undefined> => (await fileById(db, { orgId, id }))[0],
  fileOf: (db: Db, orgId: string, memberId: string): Promise<FileRow | undefined> => files(db, orgId).where('f.member_id', '=', memberId).executeTakeFirst(),
  openFiles: (db: Db, orgId: string, levels: string[]): Promise<FileRow[]> =>
    files(db, orgId).where('m.deleted_at', 'is', null).where('f.status', '=', 'open').where('f.level', 'in', levels).orderBy('m.employee_no').execute(),
  insertFile: (db: Db, row: HardshipFilesTable) => db.insertInto('hardship_files').values(row).execute(),
  updateFile: (db: Db, orgId: string, id: string, patch: Partial<HardshipFilesTable>) => db.updateTable('hardship_files').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  reviewsDue: (db: Db, orgId: string, until: string): Promise<FileRow[]> =>
    files(db, orgId).where('m.deleted_at', 'is', null).where('f.status', '=', 'open').where('f.review_on', '<=', until).orderBy('f.review_on').execute(),

  insertApplication: (db: Db, row: HardshipApplicationsTable) => db.insertInto('hardship_applications').values(row).execute(),
  updateApplication: (db: Db, orgId: string, id: string, patch: Partial<HardshipApplicationsTable>) =>
    db.updateTable('hardship_applications').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),
  findApplication: (db: Db, orgId: string, id: string): Promise<ApplicationRow | undefined> => applications(db, orgId).where('a.id', '=', id).executeTakeFirst(),
  /** One page of the school's applications (of one state), newest first, and how many there are. */
  async listApplications(db: Db, orgId: string, f: ApplicationListQuery): Promise<{ rows: ApplicationRow[]; total: number }> {
    // One filter for both; the count reads the applications alone (no member or file to join).
    const matches = (eb: ExpressionBuilder<Tables & { a: HardshipApplicationsTable }, 'a'>) =>
      f.state ? eb.and([eb('a.org_id', '=', orgId), eb('a.state', '=', f.state)]) : eb('a.org_id', '=', orgId);
    const [{ n }, rows] = await Promise.all([
      db.selectFrom('hardship_applications as a').where(matches).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      applications(db, orgId).where(matches).orderBy('a.created_at', 'desc').orderBy('a.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    ]);
    return { rows, total: Number(n) };
  },
  /** A member's applications, newest first. */
  applicationsOf: (db: Db, orgId: string, memberId: string): Promise<ApplicationRow[]> => applicationsOf(db, { orgId, memberId }),
  stateCounts: (db: Db, orgId: string) =>
    db.selectFrom('hardship_applications').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('state').execute(),

  insertPayment: (db: Db, row: HardshipPaymentsTable) => db.insertInto('hardship_payments').values(row).execute(),
  /** A member's help paid in a calendar year, in 分. */
  paidInYear: async (db: Db, orgId: string, memberId: string, year: number): Promise<number> =>
    (await hardshipRepo.paidInYearByMember(db, orgId, [memberId], year)).get(memberId) ?? 0,
  /** The help paid in a calendar year to each of these members who had any, in 分. */
  async paidInYearByMember(db: Db, orgId: string, memberIds: string[], year: number): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < memberIds.length; i += 500) {
      const rows = await db
        .selectFrom('hardship_payments')
        .select(['member_id', sumOf('amount').as('total')])
        .where('org_id', '=', orgId)
        .where('year', '=', year)
        .where('member_id', 'in', memberIds.slice(i, i + 500))
        .groupBy('member_id')
        .execute();
      for (const r of rows) out.set(r.member_id, Number(r.total ?? 0));
    }
    return out;
  },
  /** Every payment to a member, with what it paid (an application or a campaign). */
  payments: (db: Db, orgId: string, memberId: string): Promise<PaymentRow[]> => paymentsOf(db, { orgId, memberId }),

  insertCampaign: (db: Db, row: HardshipCampaignsTable) => db.insertInto('hardship_campaigns').values(row).execute(),
  findCampaign: (db: Db, orgId: string, id: string) => db.selectFrom('hardship_campaigns').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  /** A calendar year's campaigns, or (with `fromYear`) that year's and every one planned after it. */
  listCampaigns: (db: Db, orgId: string, f: { year?: number; fromYear?: number }) =>
    db
      .selectFrom('hardship_campaigns')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('year', f.year !== undefined ? '=' : '>=', f.year ?? f.fromYear ?? 0)
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  async insertItems(db: Db, rows: HardshipCampaignItemsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('hardship_campaign_items').values(rows.slice(i, i + 200)).execute();
  },
  items: (db: Db, orgId: string, campaignIds: string[]): Promise<(ItemRow & { campaign_id: string })[]> =>
    campaignIds.length
      ? db
          .selectFrom('hardship_campaign_items as i')
          .innerJoin('members as m', 'm.id', 'i.member_id')
          .innerJoin('hardship_files as f', 'f.id', 'i.file_id')
          .leftJoin('hardship_payments as p', 'p.id', 'i.payment_id')
          .where('i.org_id', '=', orgId)
          .where('i.campaign_id', 'in', campaignIds)
          .selectAll('i')
          .select(['m.name', 'm.department', 'm.employee_no', 'f.level', 'p.date as paid_on', 'p.amount as paid_amount'])
          .orderBy('m.employee_no')
          .execute()
      : Promise.resolve([]),
  updateItem: (db: Db, orgId: string, id: string, patch: Partial<HardshipCampaignItemsTable>) =>
    db.updateTable('hardship_campaign_items').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute(),

  insertEvent: (db: Db, row: HardshipEventsTable) => db.insertInto('hardship_events').values(row).execute(),
  events: (db: Db, orgId: string, memberId: string) => eventsOf(db, { orgId, memberId }),
};
