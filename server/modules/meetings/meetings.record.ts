import type { SessionUser } from '../../../common/auth';
import type { MeetingInput, OpinionInput } from '../../../common/meetings';
import type { Db } from '../../db/database';
import type { MeetingAttendeesTable, MeetingsTable } from '../../db/tables';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { sanitizeHtml } from '../../lib/sanitize';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { filesRepo } from '../files/files.repo';
import { meetingsRepo } from './meetings.repo';
import { raiserOf } from './meetings.view';

// Recording a meeting (meetings.manage): its fields, who came, and the opinions raised.

type Fields = Omit<MeetingsTable, 'id' | 'org_id' | 'created_by' | 'created_by_name' | 'created_at' | 'updated_at'>;

export function recordActions(db: Db) {
  /** Checks the type, host and attendees against the school, and answers the row's fields and attendee rows. */
  async function prepare(trx: Db, orgId: string, meetingId: string, input: MeetingInput, currentTypeId?: string): Promise<{ fields: Fields; attendees: MeetingAttendeesTable[] }> {
    const type = await meetingsRepo.type(trx, orgId, input.typeId);
    // A retired type stays on the meetings that have it, but no new meeting takes it.
    if (!type || (type.retired_at && type.id !== currentTypeId)) throw Invalid('typeId', 'err.meeting_type_invalid');
    const memberIds = [...new Set(input.memberIds)];
    const wanted = [...new Set([...memberIds, ...(input.hostMemberId ? [input.hostMemberId] : [])])];
    const found = new Set((await meetingsRepo.liveMembers(trx, orgId, wanted)).map((m) => m.id));
    if (input.hostMemberId && !found.has(input.hostMemberId)) throw Invalid('hostMemberId', 'err.meeting_member');
    if (memberIds.some((m) => !found.has(m))) throw Invalid('memberIds', 'err.meeting_member');
    const attendees = [
      ...memberIds.map((memberId) => ({ member_id: memberId, guest_name: null, guest_unit: null })),
      ...input.guests.map((g) => ({ member_id: null, guest_name: g.name, guest_unit: g.unit })),
    ].map((a, i) => ({ id: newId(), org_id: orgId, meeting_id: meetingId, position: i + 1, ...a }));
    return {
      fields: {
        type_id: type.id, title: input.title, date: input.date, start_time: input.startTime, end_time: input.endTime, place: input.place,
        host_member_id: input.hostMemberId, agenda: JSON.stringify(input.agenda), decisions: JSON.stringify(input.decisions),
        minutes: sanitizeHtml(input.minutes),
      },
      attendees,
    };
  }

  async function existing(trx: Db, orgId: string, id: string) {
    const row = await meetingsRepo.findCounted(trx, orgId, id);
    if (!row) throw NotFound('err.meeting_not_found');
    return row;
  }

  /** An opinion's raiser who is a member must be among the meeting's attendees. */
  async function expectRaiser(trx: Db, orgId: string, meetingId: string, input: OpinionInput) {
    if (input.memberId && !(await meetingsRepo.attended(trx, orgId, meetingId, input.memberId))) throw Invalid('memberId', 'err.meeting_raiser_not_attendee');
  }

  async function convertible(trx: Db, orgId: string, meetingId: string, opinionId: string) {
    const o = await meetingsRepo.opinion(trx, orgId, meetingId, opinionId);
    if (!o) throw NotFound('err.meeting_opinion_not_found');
    if (o.target_id) throw Conflict('meeting_opinion_converted', 'err.meeting_opinion_converted');
    return o;
  }

  return {
    convertible,

    async create(user: SessionUser, input: MeetingInput): Promise<string> {
      const orgId = user.org.id;
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const { fields, attendees } = await prepare(trx, orgId, id, input);
        const now = nowIso();
        await meetingsRepo.insert(trx, { id, org_id: orgId, ...fields, created_by: user.id, created_by_name: user.displayName, created_at: now, updated_at: now });
        await meetingsRepo.replaceAttendees(trx, orgId, id, attendees);
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'meeting', entityId: id, label: input.title, after: { ...fields, attendees: attendees.length } });
      });
      return id;
    },

    /** Replaces the fields and the attendee list; a member who raised an opinion cannot be taken off it. */
    async update(user: SessionUser, id: string, input: MeetingInput): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await existing(trx, orgId, id);
        const { fields, attendees } = await prepare(trx, orgId, id, input, before.type_id);
        const kept = new Set(attendees.map((a) => a.member_id));
        if ((await meetingsRepo.opinions(trx, orgId, id)).some((o) => o.member_id && !kept.has(o.member_id))) throw Invalid('memberIds', 'err.meeting_raiser_removed');
        await meetingsRepo.update(trx, orgId, id, { ...fields, updated_at: nowIso() });
        await meetingsRepo.replaceAttendees(trx, orgId, id, attendees);
        const { type_id, title, date, start_time, end_time, place, host_member_id, agenda, decisions, minutes } = before;
        await auditRepo.record(trx, actorOf(user), {
          action: 'update', entity: 'meeting', entityId: id, label: input.title,
          before: { type_id, title, date, start_time, end_time, place, host_member_id, agenda, decisions, minutes, attendees: Number(before.attendees) },
          after: { ...fields, attendees: attendees.length },
        });
      });
    },

    /** Deletes a meeting, its attendees, opinions and attachments; refused once an opinion became something. */
    async remove(user: SessionUser, id: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const before = await existing(trx, orgId, id);
        if (await meetingsRepo.anyConverted(trx, orgId, id)) throw Conflict('meeting_has_converted', 'err.meeting_has_converted');
        const files = await filesRepo.removeOwned(trx, orgId, 'meeting', id);
        await meetingsRepo.removeOpinions(trx, orgId, id);
        await meetingsRepo.removeAttendees(trx, orgId, id);
        await meetingsRepo.remove(trx, orgId, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'meeting', entityId: id, label: before.title, before: { title: before.title, date: before.date, ...(files.length ? { files } : {}) } });
      });
    },

    async addOpinion(user: SessionUser, meetingId: string, input: OpinionInput): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const m = await existing(trx, orgId, meetingId);
        await expectRaiser(trx, orgId, meetingId, input);
        const id = newId();
        await meetingsRepo.insertOpinion(trx, { id, org_id: orgId, meeting_id: meetingId, member_id: input.memberId, guest_name: input.guestName, content: input.content, target_kind: null, target_id: null, converted_on: null, created_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'meeting_opinion', entityId: id, label: m.title, after: input });
      });
    },

    /** Edits an opinion until it has become something (then its text is what was sent on). */
    async updateOpinion(user: SessionUser, meetingId: string, opinionId: string, input: OpinionInput): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const o = await convertible(trx, orgId, meetingId, opinionId);
        await expectRaiser(trx, orgId, meetingId, input);
        await meetingsRepo.updateOpinion(trx, orgId, opinionId, { member_id: input.memberId, guest_name: input.guestName, content: input.content });
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'meeting_opinion', entityId: opinionId, label: raiserOf(o) ?? undefined, before: { memberId: o.member_id, guestName: o.guest_name, content: o.content }, after: input });
      });
    },

    async removeOpinion(user: SessionUser, meetingId: string, opinionId: string): Promise<void> {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const o = await convertible(trx, orgId, meetingId, opinionId);
        await meetingsRepo.removeOpinion(trx, orgId, opinionId);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'meeting_opinion', entityId: opinionId, label: raiserOf(o) ?? undefined, before: { memberId: o.member_id, guestName: o.guest_name, content: o.content } });
      });
    },
  };
}
