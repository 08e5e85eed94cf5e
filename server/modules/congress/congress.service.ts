import type { AgendaKind } from '../../../common/congress';
import type { Database } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { congressRepo } from './congress.repo';
import { createLiveHub } from './congress.live';
import { createRequestsService } from './congress.requests';
import { createSessionsService } from './congress.sessions';
import { createTermsService } from './congress.terms';
import { createVotesService } from './congress.votes';
import { votesRepo } from './votes.repo';

/** 教代会: terms and delegates, sessions and attendance, votes — and what a delegate's phone shows. */
export function createCongressService(database: Database, orgs: OrgsService) {
  const live = createLiveHub();
  const terms = createTermsService(database.db);
  const sessions = createSessionsService(database.db, live, orgs);
  const votes = createVotesService(database, orgs, sessions, live);

  return {
    live,
    terms,
    sessions,
    votes,
    requests: createRequestsService(database.db),

    /** What the projector shows: quorum, and each vote's progress (counts only once it is closed). */
    async snapshot(orgId: string, sessionId: string) {
      const [quorum, all] = await Promise.all([sessions.quorum(orgId, sessionId), votes.listForSession(orgId, sessionId)]);
      return { quorum, votes: all.map((v) => Object.assign(v, { result: v.status === 'closed' ? v.result : null })) };
    },

    /** A delegate's own view of a session: its agenda, checked in or not, and the votes they may still cast. */
    async mine(orgId: string, memberId: string | null, sessionId: string) {
      const s = await sessions.session(orgId, sessionId);
      const agenda = await congressRepo.agenda(database.db, orgId, sessionId);
      const isDelegate = !!memberId && !!(await congressRepo.findDelegate(database.db, orgId, s.term_id, memberId));
      const attendance = isDelegate ? ((await congressRepo.attendanceOf(database.db, orgId, sessionId, memberId)) ?? 'absent') : null;
      const roll = memberId ? new Map((await votesRepo.rollOf(database.db, orgId, sessionId, memberId)).map((r) => [r.vote_id, r.voted === 1])) : new Map();
      const all = await votes.ofSession(orgId, sessionId);
      return {
        session: { id: s.id, name: s.name, date: s.date, place: s.place, agenda: agenda.map((a) => ({ kind: a.kind as AgendaKind, title: a.title, note: a.note })) },
        isDelegate,
        attendance,
        votes: all.map((v) => Object.assign(v, { onRoll: roll.has(v.id), voted: roll.get(v.id) ?? false })),
      };
    },
  };
}
export type CongressService = ReturnType<typeof createCongressService>;
