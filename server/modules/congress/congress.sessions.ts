import { quorumRequired, type AgendaKind, type AttendanceStatus, type Quorum } from '../../../common/congress';
import type { Db } from '../../db/database';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId, randomToken } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { filesRepo } from '../files/files.repo';
import { membersRepo } from '../members/members.repo';
import type { OrgsService } from '../orgs/orgs.service';
import { congressRepo } from './congress.repo';
import type { LiveHub } from './congress.live';

/**
 * A session's own rows, its draft votes, proposal window and 会议材料 (documents are material, not a
 * record); returns the documents' names for the audit row.
 */
export async function deleteSessionRows(trx: Db, orgId: string, sessionId: string): Promise<string[]> {
  const files = await filesRepo.removeOwned(trx, orgId, 'congress_session', sessionId);
  await congressRepo.deleteSession(trx, orgId, sessionId);
  return files;
}

export function createSessionsService(db: Db, live: LiveHub, orgs: OrgsService) {
  async function session(orgId: string, id: string) {
    const s = await congressRepo.findSession(db, orgId, id);
    if (!s) throw NotFound();
    return s;
  }

  async function quorum(orgId: string, sessionId: string): Promise<Quorum & { leave: number; expected: number }> {
    const s = await session(orgId, sessionId);
    const delegates = await congressRepo.delegateCount(db, orgId, s.term_id);
    const { present, leave } = await congressRepo.attendanceCounts(db, orgId, sessionId, s.term_id);
    const required = quorumRequired(delegates);
    return { delegates, present, required, met: delegates > 0 && present >= required, leave, expected: delegates - leave };
  }

  /** Only a delegate of the session's term has an attendance status; a guest (列席) never counts. */
  async function requireDelegate(orgId: string, termId: string, memberId: string) {
    if (!(await congressRepo.findDelegate(db, orgId, termId, memberId))) throw new AppError(422, 'not_delegate', 'err.congress_not_delegate');
  }

  /** A guest may be linked to a member record, of this school only. */
  async function requireMember(trx: Db, orgId: string, memberId: string | null | undefined) {
    if (memberId && !(await membersRepo.find(trx, orgId, memberId))) throw Invalid('memberId', 'err.congress_not_member');
  }

  async function mark(actor: Actor, sessionId: string, memberIds: string[], status: AttendanceStatus, method: 'clerk' | 'qr') {
    const s = await session(actor.orgId, sessionId);
    for (const id of memberIds) await requireDelegate(actor.orgId, s.term_id, id);
    await db.transaction().execute(async (trx) => {
      const at = nowIso();
      for (const memberId of memberIds) await congressRepo.setAttendance(trx, { org_id: actor.orgId, session_id: sessionId, member_id: memberId, status, method, at });
      await auditRepo.record(trx, actor, { action: 'attendance', entity: 'congress_session', entityId: sessionId, label: s.name, after: { memberIds, status, method } });
    });
    live.touch(sessionId);
    return quorum(actor.orgId, sessionId);
  }

  return {
    session,
    quorum,

    async create(actor: Actor, input: { termId: string; name: string; date: string; place?: string }) {
      if (!(await congressRepo.findTerm(db, actor.orgId, input.termId))) throw NotFound();
      const now = nowIso();
      const row = { id: newId(), org_id: actor.orgId, term_id: input.termId, name: input.name, date: input.date, place: input.place ?? null, checkin_code: randomToken(16), created_at: now, updated_at: now };
      await db.transaction().execute(async (trx) => {
        await congressRepo.insertSession(trx, row);
        await auditRepo.record(trx, actor, { action: 'create', entity: 'congress_session', entityId: row.id, label: row.name, after: input });
      });
      return this.detail(actor.orgId, row.id);
    },

    async update(actor: Actor, id: string, patch: { name?: string; date?: string; place?: string | null }) {
      const s = await session(actor.orgId, id);
      await db.transaction().execute(async (trx) => {
        const next = { name: patch.name ?? s.name, date: patch.date ?? s.date, place: patch.place === undefined ? s.place : patch.place || null };
        await congressRepo.updateSession(trx, actor.orgId, id, { ...next, updated_at: nowIso() });
        await auditRepo.record(trx, actor, { action: 'update', entity: 'congress_session', entityId: id, label: next.name, before: { name: s.name, date: s.date, place: s.place }, after: patch });
      });
      live.touch(id);
      return this.detail(actor.orgId, id);
    },

    /** Deletes a session set up by mistake; refused once it has a record (attendance, an opened vote, a proposal). */
    async remove(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const s = await congressRepo.findSession(trx, actor.orgId, id);
        if (!s) throw NotFound();
        const records = await congressRepo.sessionRecords(trx, actor.orgId, [id]);
        if (Object.values(records).some((n) => n > 0)) throw new AppError(409, 'session_in_use', 'err.congress_session_in_use', { name: s.name, ...records });
        const documents = await deleteSessionRows(trx, actor.orgId, id);
        await auditRepo.record(trx, actor, { action: 'delete', entity: 'congress_session', entityId: id, label: s.name, before: { termId: s.term_id, name: s.name, date: s.date, place: s.place, documents } });
      });
    },

    async list(orgId: string, termId?: string) {
      const rows = await congressRepo.listSessions(db, orgId, termId);
      return { items: rows.map((s) => ({ id: s.id, termId: s.term_id, termName: s.term_name, name: s.name, date: s.date, place: s.place })), total: rows.length };
    },

    async detail(orgId: string, id: string) {
      const s = await session(orgId, id);
      const [agenda, guests, q] = await Promise.all([congressRepo.agenda(db, orgId, id), congressRepo.guests(db, orgId, id), quorum(orgId, id)]);
      return {
        id: s.id,
        termId: s.term_id,
        name: s.name,
        date: s.date,
        place: s.place,
        agenda: agenda.map((a) => ({ id: a.id, kind: a.kind as AgendaKind, title: a.title, note: a.note })),
        guests: guests.map((g) => ({ id: g.id, name: g.name, memberId: g.member_id, note: g.note })),
        quorum: q,
      };
    },

    async setAgenda(actor: Actor, sessionId: string, items: { title: string; kind: AgendaKind; note?: string }[]) {
      const s = await session(actor.orgId, sessionId);
      await db.transaction().execute(async (trx) => {
        const rows = items.map((it, position) => ({ id: newId(), org_id: actor.orgId, session_id: sessionId, position, kind: it.kind, title: it.title, note: it.note ?? null }));
        await congressRepo.replaceAgenda(trx, actor.orgId, sessionId, rows);
        await auditRepo.record(trx, actor, { action: 'update_agenda', entity: 'congress_session', entityId: sessionId, label: s.name, after: items });
      });
      return this.detail(actor.orgId, sessionId);
    },

    async addGuest(actor: Actor, sessionId: string, input: { name: string; memberId?: string; note?: string }) {
      const s = await session(actor.orgId, sessionId);
      await db.transaction().execute(async (trx) => {
        await requireMember(trx, actor.orgId, input.memberId);
        await congressRepo.insertGuest(trx, { id: newId(), org_id: actor.orgId, session_id: sessionId, name: input.name, member_id: input.memberId ?? null, note: input.note ?? null });
        await auditRepo.record(trx, actor, { action: 'add_guest', entity: 'congress_session', entityId: sessionId, label: s.name, after: input });
      });
      return this.detail(actor.orgId, sessionId);
    },

    async updateGuest(actor: Actor, sessionId: string, guestId: string, patch: { name?: string; memberId?: string | null; note?: string | null }) {
      const s = await session(actor.orgId, sessionId);
      await db.transaction().execute(async (trx) => {
        const g = await congressRepo.findGuest(trx, actor.orgId, sessionId, guestId);
        if (!g) throw NotFound();
        await requireMember(trx, actor.orgId, patch.memberId);
        await congressRepo.updateGuest(trx, actor.orgId, guestId, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.memberId !== undefined ? { member_id: patch.memberId } : {}),
          ...(patch.note !== undefined ? { note: patch.note || null } : {}),
        });
        await auditRepo.record(trx, actor, { action: 'update_guest', entity: 'congress_session', entityId: sessionId, label: s.name, before: { name: g.name, memberId: g.member_id, note: g.note }, after: patch });
      });
      return this.detail(actor.orgId, sessionId);
    },

    async removeGuest(actor: Actor, sessionId: string, guestId: string) {
      const s = await session(actor.orgId, sessionId);
      await db.transaction().execute(async (trx) => {
        const g = await congressRepo.findGuest(trx, actor.orgId, sessionId, guestId);
        if (!g) throw NotFound();
        await congressRepo.deleteGuest(trx, actor.orgId, guestId);
        await auditRepo.record(trx, actor, { action: 'remove_guest', entity: 'congress_session', entityId: sessionId, label: s.name, before: { name: g.name, memberId: g.member_id, note: g.note } });
      });
      return this.detail(actor.orgId, sessionId);
    },

    /** A clerk marks one delegate present, absent, or on leave (请假: not 应到). */
    setAttendance: (actor: Actor, sessionId: string, memberId: string, present: boolean, leave = false) =>
      mark(actor, sessionId, [memberId], present ? 'present' : leave ? 'leave' : 'absent', 'clerk'),
    /** The same for many delegates at once, e.g. everyone who sent a 请假条 before the day. */
    bulkAttendance: (actor: Actor, sessionId: string, memberIds: string[], status: AttendanceStatus) => mark(actor, sessionId, memberIds, status, 'clerk'),

    /** A delegate checks in from the phone with the code in the projector's QR. */
    async checkin(actor: Actor, memberId: string | null, sessionId: string, code: string) {
      const s = await session(actor.orgId, sessionId);
      if (code !== s.checkin_code) throw new AppError(422, 'checkin_code', 'err.congress_checkin_code');
      // A photo of the QR must not sign anyone into another day's meeting; the clerk still can.
      if ((await orgs.today(actor.orgId)) !== s.date) throw new AppError(422, 'checkin_day', 'err.congress_checkin_day', { date: s.date });
      if (!memberId) throw new AppError(422, 'not_delegate', 'err.congress_not_delegate');
      return mark(actor, sessionId, [memberId], 'present', 'qr');
    },

    checkinCode: async (orgId: string, sessionId: string) => (await session(orgId, sessionId)).checkin_code,

    async attendanceList(orgId: string, sessionId: string) {
      const s = await session(orgId, sessionId);
      const [delegates, rows] = await Promise.all([congressRepo.listDelegates(db, orgId, s.term_id), congressRepo.attendance(db, orgId, sessionId)]);
      const by = new Map(rows.map((r) => [r.member_id, r]));
      return delegates.map((d) => ({
        memberId: d.member_id,
        name: d.name,
        employeeNo: d.employee_no,
        delegation: d.delegation_name,
        status: (by.get(d.member_id)?.status ?? 'absent') as AttendanceStatus,
        method: by.get(d.member_id)?.method ?? null,
        at: by.get(d.member_id)?.at ?? null,
      }));
    },
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
