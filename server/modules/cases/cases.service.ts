import type { Page } from '../../../common/api';
import type { SessionUser } from '../../../common/auth';
import type { Case, CaseCategory, CaseFigures, CaseInput, CaseLink, CaseListItem, CaseListQuery, CaseState } from '../../../common/cases';
import type { Db } from '../../db/database';
import { Forbidden, NotFound } from '../../lib/errors';
import { lookup as suggestionLookup } from '../suggestions/suggestions.view';
import { caseFigures, casesXlsx } from './cases.figures';
import { flowActions } from './cases.flow';
import { createCaseFrom, todayOf } from './cases.intake';
import { casesRepo, type CaseScope } from './cases.repo';
import { load, lookup, toDetail, toListItem } from './cases.view';

export { createCaseFrom } from './cases.intake';

// 权益诉求: raising (cases.intake.ts), the steps (cases.flow.ts), who sees what (cases.view.ts), the
// figures and the export (cases.figures.ts).
export function createCasesService(db: Db) {
  const flow = flowActions(db);
  const yearOf = (user: SessionUser, year?: number) => year ?? Number(todayOf(user).slice(0, 4));

  async function get(user: SessionUser, id: string): Promise<Case> {
    return toDetail(db, await load(db, user, id), todayOf(user));
  }
  /** Waits for a step, then answers with the case as the caller now sees it. */
  const after = async (user: SessionUser, id: string, action: Promise<unknown>) => {
    await action;
    return get(user, id);
  };
  async function list(user: SessionUser, scope: CaseScope, q: CaseListQuery): Promise<Page<CaseListItem>> {
    const today = todayOf(user);
    const { rows, total } = await casesRepo.list(db, user.org.id, scope, q, today);
    return { items: rows.map((r) => toListItem(r, today)), total };
  }

  return {
    get,
    /** 404 unless the caller may see the case: checked before a request body is read. */
    assertVisible: async (user: SessionUser, id: string) => void (await load(db, user, id)),

    submit: async (user: SessionUser, input: CaseInput) => get(user, await flow.submit(user, input)),
    /** The member's own cases; an account without a member record has none. */
    mine: (user: SessionUser, q: CaseListQuery) => (user.memberId ? list(user, { memberId: user.memberId }, q) : Promise.resolve({ items: [], total: 0 })),
    inbox: (user: SessionUser, q: CaseListQuery) => list(user, 'all', q),
    assigned: (user: SessionUser, q: CaseListQuery) => list(user, { handlerUserId: user.id }, q),
    figures: async (user: SessionUser, year?: number): Promise<CaseFigures> => caseFigures(db, user.org.id, yearOf(user, year), todayOf(user)),
    async xlsx(user: SessionUser, year?: number): Promise<{ buffer: Buffer; year: number }> {
      const y = yearOf(user, year);
      return { buffer: await casesXlsx(db, user.org.id, y, todayOf(user)), year: y };
    },

    addInfo: (user: SessionUser, id: string, body: string) => after(user, id, flow.addInfo(user, id, body)),
    triage: (user: SessionUser, id: string, input: { category?: CaseCategory; note?: string }) => after(user, id, flow.triage(user, id, input)),
    forward: (user: SessionUser, id: string, input: Parameters<typeof flow.forward>[2]) => after(user, id, flow.forward(user, id, input)),
    respond: (user: SessionUser, id: string, body: string) => after(user, id, flow.respond(user, id, body)),
    explain: (user: SessionUser, id: string, input: Parameters<typeof flow.explain>[2]) => after(user, id, flow.explain(user, id, input)),
    confirm: (user: SessionUser, id: string, input: { rating: number; comment?: string }) => after(user, id, flow.confirm(user, id, input)),
    notResolved: (user: SessionUser, id: string, reason: string) => after(user, id, flow.notResolved(user, id, reason)),
    close: (user: SessionUser, id: string) => after(user, id, flow.close(user, id)),

    /**
     * 意见箱 → 权益诉求: a handler of the suggestion who also handles cases opens one from it. A named
     * writer becomes the case's member; an anonymous one stays unknown (nothing of theirs is read).
     */
    async fromSuggestion(user: SessionUser, suggestionId: string, category: CaseCategory): Promise<Case> {
      const id = await db.transaction().execute(async (trx) => {
        const s = await suggestionLookup(trx, user, suggestionId);
        if (!s) throw NotFound('err.suggestion_not_found');
        if (!s.is.handler) throw Forbidden('err.suggestion_not_handler');
        const memberId = s.row.anonymous === 1 ? null : await casesRepo.suggestionWriterMember(trx, user.org.id, suggestionId);
        return createCaseFrom(trx, user, { memberId, category, title: s.row.title, content: s.row.content, source: { kind: 'suggestion', id: suggestionId } });
      });
      return get(user, id);
    },

    /** The case opened from a suggestion, for its page: only when the caller may see both. */
    async ofSuggestion(user: SessionUser, suggestionId: string): Promise<CaseLink | null> {
      if (!(await suggestionLookup(db, user, suggestionId))) throw NotFound('err.suggestion_not_found');
      const found = await casesRepo.bySource(db, user.org.id, 'suggestion', suggestionId);
      const l = found && (await lookup(db, user, found.id));
      return l ? { id: l.row.id, title: l.row.title, state: l.row.state as CaseState } : null;
    },
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
