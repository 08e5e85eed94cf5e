import type { MeetingListQuery } from '../../../common/meetings';
import { compiledQuery, pageOf, perShape } from '../../db/compiled';
import type { Db } from '../../db/database';
import type { MeetingAttendeesTable, MeetingOpinionsTable, MeetingsTable, MeetingTypesTable } from '../../db/tables';

export type MeetingRow = MeetingsTable & { type_name: string; host_name: string | null };
/** A meeting as a list shows it: with its numbers of attendees and opinions. */
export type MeetingListRow = MeetingRow & { attendees: number | string; opinions: number | string };
export type AttendeeRow = Pick<MeetingAttendeesTable, 'member_id' | 'guest_name' | 'guest_unit'> & { member_name: string | null; department: string | null; status: string | null };
export type OpinionRow = MeetingOpinionsTable & { member_name: string | null };

// Asked by every suggestion's, proposal's and case's page: compiled once (db/compiled.ts).
const source = compiledQuery((db, p: { orgId: string; kind: string; targetId: string }) =>
  db
    .selectFrom('meeting_opinions as o')
    .innerJoin('meetings as mt', 'mt.id', 'o.meeting_id')
    .where('o.org_id', '=', p.orgId)
    .where('o.target_kind', '=', p.kind)
    .where('o.target_id', '=', p.targetId)
    .select(['mt.id', 'mt.title', 'mt.date']),
);

function meetings(db: Db, orgId: string) {
  return db
    .selectFrom('meetings as mt')
    // Joined within the school (see disclosures.repo).
    .innerJoin('meeting_types as ty', (j) => j.onRef('ty.id', '=', 'mt.type_id').on('ty.org_id', '=', orgId))
    .leftJoin('members as h', (j) => j.onRef('h.id', '=', 'mt.host_member_id').on('h.org_id', '=', orgId))
    .where('mt.org_id', '=', orgId)
    .selectAll('mt')
    .select(['ty.name as type_name', 'h.name as host_name']);
}

// A meeting's own page counts its lists as it reads them: the two counts would make its first query
// cost half as much again (PostgreSQL, the city data).
function listed(db: Db, orgId: string) {
  return meetings(db, orgId).select((eb) => [
    eb.selectFrom('meeting_attendees as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.org_id', '=', 'mt.org_id').whereRef('a.meeting_id', '=', 'mt.id').as('attendees'),
    eb.selectFrom('meeting_opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.org_id', '=', 'mt.org_id').whereRef('o.meeting_id', '=', 'mt.id').as('opinions'),
  ]);
}

type MeetingFilter = { orgId: string; from: string; to: string; typeId: string | null; like: string | null; memberId: string | null };
/**
 * A page of a period's meetings and its count, compiled once per set of filters (db/compiled.ts): Kysely's
 * building of them cost more than SQLite takes to run them. The page is cut from the meetings alone, and
 * only its rows are joined and counted.
 */
const meetingPage = perShape(
  (s: { type: boolean; q: boolean; member: boolean }) => `${s.type}|${s.q}|${s.member}`,
  (shape) => {
    const chosen = (db: Db, p: MeetingFilter) => {
      let q = db.selectFrom('meetings as mt').where('mt.org_id', '=', p.orgId).where('mt.date', '>=', p.from).where('mt.date', '<', p.to);
      if (shape.type) q = q.where('mt.type_id', '=', p.typeId!);
      if (shape.q) q = q.where('mt.title', 'like', p.like!);
      if (shape.member) {
        q = q.where((eb) =>
          eb.exists(eb.selectFrom('meeting_attendees as a').select('a.id').whereRef('a.meeting_id', '=', 'mt.id').where('a.org_id', '=', p.orgId).where('a.member_id', '=', p.memberId!)),
        );
      }
      return q;
    };
    return {
      total: compiledQuery((db, p: MeetingFilter) => chosen(db, p).select((eb) => eb.fn.countAll<number>().as('total'))),
      rows: compiledQuery((db, p: MeetingFilter & { limit: number; offset: number }) =>
        listed(db, p.orgId)
          .where('mt.id', 'in', chosen(db, p).select('mt.id').orderBy('mt.date', 'desc').orderBy('mt.id', 'desc').limit(p.limit).offset(p.offset))
          .orderBy('mt.date', 'desc')
          .orderBy('mt.id', 'desc'),
      ),
    };
  },
);

// A meeting's page, compiled once: a 教职工大会's 120+ attendees made it the costliest detail page to build.
const findOne = compiledQuery((db, p: { orgId: string; id: string }) => meetings(db, p.orgId).where('mt.id', '=', p.id));
const attendeesOf = compiledQuery((db, p: { orgId: string; meetingId: string }) =>
  db
    .selectFrom('meeting_attendees as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .where('a.org_id', '=', p.orgId)
    .where('a.meeting_id', '=', p.meetingId)
    // Only what the page shows: 120+ rows of a 教职工大会 each carrying its ids cost a quarter more to read and send.
    .select(['a.member_id', 'a.guest_name', 'a.guest_unit', 'm.name as member_name', 'm.department', 'm.status'])
    .orderBy('a.position'),
);
const opinionsOf = compiledQuery((db, p: { orgId: string; meetingId: string }) =>
  db
    .selectFrom('meeting_opinions as o')
    .leftJoin('members as m', 'm.id', 'o.member_id')
    .where('o.org_id', '=', p.orgId)
    .where('o.meeting_id', '=', p.meetingId)
    .selectAll('o')
    .select('m.name as member_name')
    .orderBy('o.created_at')
    .orderBy('o.id'),
);

export const meetingsRepo = {
  types: (db: Db, orgId: string) =>
    db
      .selectFrom('meeting_types as ty')
      .where('ty.org_id', '=', orgId)
      .selectAll('ty')
      .select((eb) => eb.selectFrom('meetings as mt').select(eb.fn.countAll<number>().as('n')).whereRef('mt.type_id', '=', 'ty.id').as('used'))
      .orderBy('ty.position')
      .orderBy('ty.id')
      .execute(),
  type: (db: Db, orgId: string, id: string) => db.selectFrom('meeting_types').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  typeByName: (db: Db, orgId: string, name: string) => db.selectFrom('meeting_types').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst(),
  /** Inserts types, skipping a name the school already has (two first requests seeding at once). */
  insertTypes: (db: Db, rows: MeetingTypesTable[]) =>
    db.insertInto('meeting_types').values(rows).onConflict((oc) => oc.columns(['org_id', 'name']).doNothing()).execute(),
  updateType: (db: Db, orgId: string, id: string, changes: Partial<MeetingTypesTable>) =>
    db.updateTable('meeting_types').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute(),
  deleteType: (db: Db, orgId: string, id: string) => db.deleteFrom('meeting_types').where('org_id', '=', orgId).where('id', '=', id).execute(),
  typeUsed: async (db: Db, orgId: string, id: string) =>
    !!(await db.selectFrom('meetings').select('id').where('org_id', '=', orgId).where('type_id', '=', id).limit(1).executeTakeFirst()),

  find: async (db: Db, orgId: string, id: string) => (await findOne(db, { orgId, id }))[0] as MeetingRow | undefined,
  /** With its numbers of attendees and opinions (what a change's audit row records). */
  findCounted: (db: Db, orgId: string, id: string) => listed(db, orgId).where('mt.id', '=', id).executeTakeFirst() as Promise<MeetingListRow | undefined>,
  /** A page of a period's meetings, newest first; `memberId`: only the ones that member attended. */
  async list(db: Db, orgId: string, q: MeetingListQuery & { from: string; to: string }, memberId?: string): Promise<{ rows: MeetingListRow[]; total: number }> {
    const queries = meetingPage({ type: !!q.typeId, q: !!q.q, member: !!memberId });
    const values: MeetingFilter = { orgId, from: q.from, to: q.to, typeId: q.typeId ?? null, like: q.q ? `%${q.q}%` : null, memberId: memberId ?? null };
    const { rows, total } = await pageOf(db, queries, values, q);
    return { rows: rows as MeetingListRow[], total };
  },
  insert: (db: Db, row: MeetingsTable) => db.insertInto('meetings').values(row).execute(),
  update: (db: Db, orgId: string, id: string, changes: Partial<MeetingsTable>) =>
    db.updateTable('meetings').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute(),
  remove: (db: Db, orgId: string, id: string) => db.deleteFrom('meetings').where('org_id', '=', orgId).where('id', '=', id).execute(),

  attendees: (db: Db, orgId: string, meetingId: string) => attendeesOf(db, { orgId, meetingId }) as Promise<AttendeeRow[]>,
  attended: async (db: Db, orgId: string, meetingId: string, memberId: string) =>
    !!(await db.selectFrom('meeting_attendees').select('id').where('org_id', '=', orgId).where('meeting_id', '=', meetingId).where('member_id', '=', memberId).executeTakeFirst()),
  replaceAttendees: async (db: Db, orgId: string, meetingId: string, rows: MeetingAttendeesTable[]) => {
    await db.deleteFrom('meeting_attendees').where('org_id', '=', orgId).where('meeting_id', '=', meetingId).execute();
    if (rows.length) await db.insertInto('meeting_attendees').values(rows).execute();
  },
  removeAttendees: (db: Db, orgId: string, meetingId: string) => db.deleteFrom('meeting_attendees').where('org_id', '=', orgId).where('meeting_id', '=', meetingId).execute(),
  /** The school's live members among `ids`. */
  liveMembers: (db: Db, orgId: string, ids: string[]) =>
    ids.length ? db.selectFrom('members').select(['id', 'name']).where('org_id', '=', orgId).where('deleted_at', 'is', null).where('id', 'in', ids).execute() : Promise.resolve([]),

  opinions: (db: Db, orgId: string, meetingId: string) => opinionsOf(db, { orgId, meetingId }) as Promise<OpinionRow[]>,
  opinion: (db: Db, orgId: string, meetingId: string, id: string) =>
    db
      .selectFrom('meeting_opinions as o')
      .leftJoin('members as m', 'm.id', 'o.member_id')
      .where('o.org_id', '=', orgId)
      .where('o.meeting_id', '=', meetingId)
      .where('o.id', '=', id)
      .selectAll('o')
      .select('m.name as member_name')
      .executeTakeFirst() as Promise<OpinionRow | undefined>,
  insertOpinion: (db: Db, row: MeetingOpinionsTable) => db.insertInto('meeting_opinions').values(row).execute(),
  updateOpinion: (db: Db, orgId: string, id: string, changes: Partial<MeetingOpinionsTable>) =>
    db.updateTable('meeting_opinions').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute(),
  /** Marks the opinion converted unless it already is: false when another request got there first. */
  async claimOpinion(db: Db, orgId: string, id: string, kind: string, targetId: string, on: string): Promise<boolean> {
    const r = await db
      .updateTable('meeting_opinions')
      .set({ target_kind: kind, target_id: targetId, converted_on: on })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('target_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  removeOpinion: (db: Db, orgId: string, id: string) => db.deleteFrom('meeting_opinions').where('org_id', '=', orgId).where('id', '=', id).execute(),
  removeOpinions: (db: Db, orgId: string, meetingId: string) => db.deleteFrom('meeting_opinions').where('org_id', '=', orgId).where('meeting_id', '=', meetingId).execute(),
  anyConverted: async (db: Db, orgId: string, meetingId: string) =>
    !!(await db.selectFrom('meeting_opinions').select('id').where('org_id', '=', orgId).where('meeting_id', '=', meetingId).where('target_id', 'is not', null).limit(1).executeTakeFirst()),

  /** The titles of what opinions became, per kind. */
  suggestionTitles: (db: Db, orgId: string, ids: string[]) =>
    ids.length ? db.selectFrom('suggestions').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', ids).execute() : Promise.resolve([]),
  proposalTitles: (db: Db, orgId: string, ids: string[]) =>
    ids.length ? db.selectFrom('proposals').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', ids).execute() : Promise.resolve([]),

  caseTitles: (db: Db, orgId: string, ids: string[]) =>
    ids.length ? db.selectFrom('cases').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', ids).execute() : Promise.resolve([]),

  /** The meeting whose opinion became this suggestion, proposal or case. */
  source: async (db: Db, orgId: string, kind: string, targetId: string) => (await source(db, { orgId, kind, targetId }))[0],

  /** Per meeting of a period: its type, attendee count, opinions and converted opinions. */
  forPeriod: (db: Db, orgId: string, from: string, to: string) =>
    db
      .selectFrom('meetings as mt')
      .where('mt.org_id', '=', orgId)
      .where('mt.date', '>=', from)
      .where('mt.date', '<', to)
      .select((eb) => [
        'mt.type_id',
        eb.selectFrom('meeting_attendees as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.org_id', '=', 'mt.org_id').whereRef('a.meeting_id', '=', 'mt.id').as('attendees'),
        eb.selectFrom('meeting_opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.org_id', '=', 'mt.org_id').whereRef('o.meeting_id', '=', 'mt.id').as('opinions'),
        eb.selectFrom('meeting_opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.org_id', '=', 'mt.org_id').whereRef('o.meeting_id', '=', 'mt.id').where('o.target_id', 'is not', null).as('converted'),
      ])
      .execute(),
};
