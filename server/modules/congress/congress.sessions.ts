import { quorumRequired, type AttendanceStatus, type Quorum } from '../../../common/congress';
import type { Db } from '../../db/database';
import { AppError, NotFound } from '../../lib/errors';
import { newId, randomToken } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { congressRepo } from './congress.repo';
import type { LiveHub } from './congress.live';

type AgendaKind = 'work_report' | 'finance_report' | 'proposal_report' | 'election' | 'resolution' | 'other';

export function createSessionsService(db: Db, live: LiveHub) {
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
        await congressRepo.insertGuest(trx, { id: newId(), org_id: actor.orgId, session_id: sessionId, name: input.name, member_id: input.memberId ?? null, note: input.note ?? null });
        await auditRepo.record(trx, actor, { action: 'add_guest', entity: 'congress_session', entityId: sessionId, label: s.name, after: input });
      });
      return this.detail(actor.orgId, sessionId);
    },

    /** A clerk marks one delegate present, absent, or on leave (请假: not 应到). */
    setAttendance: (actor: Actor, sessionId: string, memberId: string, present: boolean, leave = false) =>
      mark(actor, sessionId, [memberId], present ? 'present' : leave ? 'leave' : 'absent', 'clerk'),
    bulkAttendance: (actor: Actor, sessionId: string, memberIds: string[], present: boolean) =>
      mark(actor, sessionId, memberIds, present ? 'present' : 'absent', 'clerk'),

    /** A delegate checks in from the phone with the code in the projector's QR. */
    async checkin(actor: Actor, memberId: string | null, sessionId: string, code: string) {
      const s = await session(actor.orgId, sessionId);
      if (code !== s.checkin_code) throw new AppError(422, 'checkin_code', 'err.congress_checkin_code');
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
