import type { SessionUser } from '../../../common/auth';
import type { MemberStatus } from '../../../common/members';
import type { Attendee, Meeting, MeetingListItem, MeetingSource, Opinion, OpinionTarget } from '../../../common/meetings';
import type { Db } from '../../db/database';
import { NotFound } from '../../lib/errors';
import { meetingsRepo, type AttendeeRow, type MeetingListRow, type MeetingRow, type OpinionRow } from './meetings.repo';

// Who sees a meeting, and what they see of it: meetings.read (the chair, the committee) every
// meeting of the school; an attendee with a member account the meetings they attended; others 404.

export const readsAll = (user: SessionUser) => user.permissions.includes('meetings.read');
export const manages = (user: SessionUser) => user.permissions.includes('meetings.manage');

/** The meeting if `user` may read it, else null (another school's too). */
export async function lookup(db: Db, user: SessionUser, id: string): Promise<MeetingRow | null> {
  const row = await meetingsRepo.find(db, user.org.id, id);
  if (!row) return null;
  if (readsAll(user) || manages(user)) return row;
  return user.memberId && (await meetingsRepo.attended(db, user.org.id, id, user.memberId)) ? row : null;
}

export async function load(db: Db, user: SessionUser, id: string): Promise<MeetingRow> {
  const row = await lookup(db, user, id);
  if (!row) throw NotFound('err.meeting_not_found');
  return row;
}

/** `counts`: the list's row counts its attendees and opinions itself; a meeting's page counts what it read. */
export const toListItem = (r: MeetingRow, counts: Pick<MeetingListRow, 'attendees' | 'opinions'>): MeetingListItem => ({
  id: r.id,
  typeId: r.type_id,
  typeName: r.type_name,
  title: r.title,
  date: r.date,
  startTime: r.start_time,
  place: r.place,
  hostName: r.host_name,
  attendees: Number(counts.attendees),
  opinions: Number(counts.opinions),
});

export const toAttendee = (a: AttendeeRow): Attendee =>
  a.member_id
    ? { memberId: a.member_id, name: a.member_name ?? '', unit: a.department, status: a.status as MemberStatus, guest: false }
    : { memberId: null, name: a.guest_name ?? '', unit: a.guest_unit, status: null, guest: true };

export const raiserOf = (o: OpinionRow) => o.member_name ?? o.guest_name;

async function opinionsOf(db: Db, orgId: string, rows: OpinionRow[]): Promise<Opinion[]> {
  const ids = (kind: OpinionTarget) => rows.filter((o) => o.target_kind === kind).map((o) => o.target_id!);
  const found = await Promise.all([
    meetingsRepo.suggestionTitles(db, orgId, ids('suggestion')),
    meetingsRepo.proposalTitles(db, orgId, ids('proposal')),
    meetingsRepo.caseTitles(db, orgId, ids('case')),
  ]);
  const titles = new Map(found.flat().map((t) => [t.id, t.title]));
  return rows.map((o) => ({
    id: o.id,
    memberId: o.member_id,
    raisedBy: raiserOf(o),
    content: o.content,
    became: o.target_kind && o.target_id ? { kind: o.target_kind as OpinionTarget, id: o.target_id, title: titles.get(o.target_id) ?? '', on: o.converted_on ?? '' } : null,
  }));
}

export async function toMeeting(db: Db, user: SessionUser, r: MeetingRow): Promise<Meeting> {
  const [attendees, opinions] = await Promise.all([meetingsRepo.attendees(db, r.org_id, r.id), meetingsRepo.opinions(db, r.org_id, r.id)]);
  return Object.assign(toListItem(r, { attendees: attendees.length, opinions: opinions.length }), {
    endTime: r.end_time,
    hostMemberId: r.host_member_id,
    attendeeList: attendees.map(toAttendee),
    agenda: JSON.parse(r.agenda) as string[],
    minutes: r.minutes,
    decisions: JSON.parse(r.decisions) as string[],
    opinionList: await opinionsOf(db, r.org_id, opinions),
    canManage: manages(user),
  });
}

export const linkOf = (id: string) => `/meetings/${id}`;

/** "来自 <会议> 的意见" for the page of a suggestion, proposal or case an opinion became. */
export async function meetingSource(db: Db, orgId: string, kind: OpinionTarget, id: string): Promise<MeetingSource | null> {
  const s = await meetingsRepo.source(db, orgId, kind, id);
  return s ? { meetingId: s.id, title: s.title, date: s.date } : null;
}
