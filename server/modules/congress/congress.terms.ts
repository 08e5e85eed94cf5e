import { TEACHER_SHARE_MIN, TERM_YEARS } from '../../../common/congress';
import type { Db } from '../../db/database';
import { AppError, Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import { membersRepo } from '../members/members.repo';
import { congressRepo } from './congress.repo';
import { deleteSessionRows } from './congress.sessions';

/** Whole years between two dates when the end falls on the start's anniversary (± a few days), else null. */
function termYears(start: string, end: string): number | null {
  const years = Number(end.slice(0, 4)) - Number(start.slice(0, 4));
  const anniversary = Date.parse(`${Number(start.slice(0, 4)) + years}${start.slice(4)}T00:00:00Z`);
  return Math.abs(Date.parse(`${end}T00:00:00Z`) - anniversary) <= 7 * 86_400_000 ? years : null;
}

export function createTermsService(db: Db) {
  async function term(orgId: string, id: string) {
    const t = await congressRepo.findTerm(db, orgId, id);
    if (!t) throw NotFound();
    return t;
  }

  return {
    term,
    list: async (orgId: string) => {
      const terms = await congressRepo.listTerms(db, orgId);
      return { items: terms.map((t) => ({ id: t.id, name: t.name, startDate: t.start_date, endDate: t.end_date })), total: terms.length };
    },

    async create(actor: Actor, input: { name: string; startDate: string; endDate: string }) {
      const now = nowIso();
      const row = { id: newId(), org_id: actor.orgId, name: input.name, start_date: input.startDate, end_date: input.endDate, created_at: now, updated_at: now };
      await db.transaction().execute(async (trx) => {
        await congressRepo.insertTerm(trx, row);
        await auditRepo.record(trx, actor, { action: 'create', entity: 'congress_term', entityId: row.id, label: row.name, after: input });
      });
      return this.detail(actor.orgId, row.id);
    },

    /** Name and dates; the detail that comes back carries the 3-or-5-year warning for the new dates. */
    async update(actor: Actor, id: string, patch: { name?: string; startDate?: string; endDate?: string }) {
      await db.transaction().execute(async (trx) => {
        const t = await congressRepo.findTerm(trx, actor.orgId, id);
        if (!t) throw NotFound();
        const next = { name: patch.name ?? t.name, start_date: patch.startDate ?? t.start_date, end_date: patch.endDate ?? t.end_date };
        if (next.end_date <= next.start_date) throw Invalid('endDate', 'err.congress_term_dates');
        await congressRepo.updateTerm(trx, actor.orgId, id, { ...next, updated_at: nowIso() });
        await auditRepo.record(trx, actor, {
          action: 'update', entity: 'congress_term', entityId: id, label: next.name,
          before: { name: t.name, startDate: t.start_date, endDate: t.end_date }, after: patch,
        });
      });
      return this.detail(actor.orgId, id);
    },

    /**
     * Deletes a term set up by mistake, with its delegates, 代表团 and empty sessions. Refused once
     * anything was recorded in it: attendance, an opened vote, a proposal, an extra-session request.
     */
    async remove(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const t = await congressRepo.findTerm(trx, actor.orgId, id);
        if (!t) throw NotFound();
        const sessions = await congressRepo.listSessions(trx, actor.orgId, id);
        const records = { ...(await congressRepo.sessionRecords(trx, actor.orgId, sessions.map((s) => s.id))), requests: await congressRepo.requestCount(trx, actor.orgId, id) };
        if (Object.values(records).some((n) => n > 0)) throw new AppError(409, 'term_in_use', 'err.congress_term_in_use', { name: t.name, ...records });
        for (const s of sessions) await deleteSessionRows(trx, actor.orgId, s.id);
        await congressRepo.deleteTerm(trx, actor.orgId, id);
        await auditRepo.record(trx, actor, {
          action: 'delete', entity: 'congress_term', entityId: id, label: t.name,
          before: { name: t.name, startDate: t.start_date, endDate: t.end_date, sessions: sessions.map((s) => s.name) },
        });
      });
    },

    /** The term with its delegates, 代表团 and composition, and the warnings the rules call for. */
    async detail(orgId: string, id: string) {
      const t = await term(orgId, id);
      const delegates = await congressRepo.listDelegates(db, orgId, id);
      const delegations = await congressRepo.listDelegations(db, orgId, id);
      const teachers = delegates.filter((d) => d.staff_category === 'teacher').length;
      const leaders = delegates.filter((d) => d.is_leader === 1).length;
      const total = delegates.length;
      const teacherShare = total ? teachers / total : 0;
      const years = termYears(t.start_date, t.end_date);
      const warnings: string[] = [];
      if (!years || !(TERM_YEARS as readonly number[]).includes(years)) warnings.push('term_length');
      if (total > 0 && teacherShare < TEACHER_SHARE_MIN) warnings.push('teacher_share');
      return {
        id: t.id,
        name: t.name,
        startDate: t.start_date,
        endDate: t.end_date,
        delegates: delegates.map((d) => ({
          memberId: d.member_id,
          name: d.name,
          employeeNo: d.employee_no,
          department: d.department,
          isTeacher: d.staff_category === 'teacher',
          isLeader: d.is_leader === 1,
          delegationId: d.delegation_id,
          delegation: d.delegation_name,
        })),
        delegations: delegations.map((d) => ({ id: d.id, name: d.name, headMemberId: d.head_member_id, headName: d.head_name })),
        composition: { total, teachers, teacherShare, leaders, leaderShare: total ? leaders / total : 0, teacherShareMin: TEACHER_SHARE_MIN },
        warnings,
      };
    },

    async addDelegate(actor: Actor, termId: string, input: { memberId: string; delegation?: string; isLeader?: boolean }) {
      await term(actor.orgId, termId);
      await db.transaction().execute(async (trx) => {
        const member = await membersRepo.find(trx, actor.orgId, input.memberId);
        if (!member) throw Invalid('memberId', 'err.congress_not_member');
        if (await congressRepo.findDelegate(trx, actor.orgId, termId, input.memberId)) {
          throw Conflict('already_delegate', 'err.congress_already_delegate', { memberId: 'err.congress_already_delegate' });
        }
        let delegationId: string | null = null;
        if (input.delegation) {
          const existing = await congressRepo.findDelegationByName(trx, termId, input.delegation);
          delegationId = existing?.id ?? newId();
          if (!existing) await congressRepo.insertDelegation(trx, { id: delegationId, org_id: actor.orgId, term_id: termId, name: input.delegation, head_member_id: null });
        }
        await congressRepo.insertDelegate(trx, { id: newId(), org_id: actor.orgId, term_id: termId, member_id: input.memberId, delegation_id: delegationId, is_leader: input.isLeader ? 1 : 0, created_at: nowIso() });
        await auditRepo.record(trx, actor, { action: 'add_delegate', entity: 'congress_term', entityId: termId, label: member.name, after: input });
      });
      return this.detail(actor.orgId, termId);
    },

    async removeDelegate(actor: Actor, termId: string, memberId: string) {
      await term(actor.orgId, termId);
      await db.transaction().execute(async (trx) => {
        const d = await congressRepo.findDelegate(trx, actor.orgId, termId, memberId);
        if (!d) throw NotFound();
        await congressRepo.removeDelegate(trx, actor.orgId, termId, memberId);
        await auditRepo.record(trx, actor, { action: 'remove_delegate', entity: 'congress_term', entityId: termId, before: { memberId } });
      });
    },

    async setDelegationHead(actor: Actor, termId: string, delegationId: string, memberId: string | null) {
      await term(actor.orgId, termId);
      if (memberId && !(await congressRepo.findDelegate(db, actor.orgId, termId, memberId))) throw Invalid('memberId', 'err.congress_not_delegate');
      await db.transaction().execute(async (trx) => {
        await congressRepo.setDelegationHead(trx, actor.orgId, delegationId, memberId);
        await auditRepo.record(trx, actor, { action: 'update', entity: 'congress_delegation', entityId: delegationId, after: { headMemberId: memberId } });
      });
      return this.detail(actor.orgId, termId);
    },
  };
}
export type TermsService = ReturnType<typeof createTermsService>;
