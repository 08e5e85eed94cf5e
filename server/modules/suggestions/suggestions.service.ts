import type { SessionUser } from '../../../common/auth';
import type { ReceiptView, Suggestion, SuggestionInput, SuggestionListItem, SuggestionListQuery, SuggestionStats, WallEntry, WallInput } from '../../../common/suggestions';
import type { Database } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { handleActions } from './suggestions.handle';
import { releaseNotices, scheduleNotices } from './suggestions.notices';
import { suggestionsRepo, type SuggestionRow } from './suggestions.repo';
import { suggestionStats } from './suggestions.stats';
import { handlingOf, load, overdueBefore, toDetail, toListItem, toReceiptView, toWallEntry } from './suggestions.view';
import { writeActions } from './suggestions.write';

type Page<T> = { items: T[]; total: number };

export function createSuggestionsService(database: Database, orgs: OrgsService) {
  const { db } = database;
  const write = writeActions(database, orgs);
  const handle = handleActions(db, orgs);
  const release = (now?: Date) => releaseNotices(database, orgs, now);

  async function get(user: SessionUser, id: string): Promise<Suggestion> {
    return toDetail(db, await load(db, user, id), await orgs.today(user.org.id));
  }
  /** Waits for an action, then answers with the suggestion as the caller now sees it. */
  const after = async (user: SessionUser, id: string, action: Promise<unknown>) => {
    await action;
    return get(user, id);
  };
  const listOf = async (user: SessionUser, page: Promise<{ rows: SuggestionRow[]; total: number }>): Promise<Page<SuggestionListItem>> => {
    const [{ rows, total }, today] = await Promise.all([page, orgs.today(user.org.id)]);
    return { items: rows.map((r) => toListItem(r, today)), total };
  };

  return {
    get,
    /** 404 unless the caller may see the suggestion: checked before a request body is read. */
    assertVisible: async (user: SessionUser, id: string) => void (await load(db, user, id)),

    /** Named: the suggestion as its writer sees it. Anonymous: only the receipt code, nothing that names anyone. */
    async submit(user: SessionUser, input: SuggestionInput): Promise<Suggestion | { receipt: string }> {
      const out = await write.submit(user, input);
      return 'id' in out ? get(user, out.id) : out;
    },

    async inbox(user: SessionUser, q: SuggestionListQuery) {
      const h = await handlingOf(db, user);
      return listOf(user, suggestionsRepo.inbox(db, user.org.id, user.id, h, q, overdueBefore(await orgs.today(user.org.id))));
    },
    mine: (user: SessionUser, page: number, pageSize: number) => listOf(user, suggestionsRepo.mine(db, user.org.id, user.id, page, pageSize)),
    async wall(user: SessionUser, page: number, pageSize: number): Promise<Page<WallEntry>> {
      const { rows, total } = await suggestionsRepo.wall(db, user.org.id, page, pageSize);
      return { items: rows.map(toWallEntry), total };
    },
    stats: (user: SessionUser, schoolYear?: number): Promise<SuggestionStats> => suggestionStats(db, orgs, user.org.id, schoolYear),

    writeBack: (user: SessionUser, id: string, body: string) => after(user, id, write.writeBack(user, id, body)),
    consent: (user: SessionUser, id: string, consent: boolean) => after(user, id, write.consent(user, id, consent)),
    reply: (user: SessionUser, id: string, body: string) => after(user, id, handle.reply(user, id, body)),
    setStatus: (user: SessionUser, id: string, status: 'in_progress' | 'closed') => after(user, id, handle.setStatus(user, id, status)),
    publish: (user: SessionUser, id: string, input: WallInput) => after(user, id, handle.wall(user, id, input)),
    linkProposal: (user: SessionUser, id: string, proposalId: string | null) => after(user, id, handle.linkProposal(user, id, proposalId)),

    /** Public, with the receipt code: what the anonymous writer may read and write back to. */
    receipt: async (code: string, ip: string): Promise<ReceiptView> => toReceiptView(db, await write.byReceipt(code, ip)),
    receiptMessage: async (code: string, ip: string, body: string): Promise<ReceiptView> => toReceiptView(db, await write.writeBackByReceipt(code, ip, body)),

    releaseNotices: release,
    /** Starts the nightly job; the answer stops it (and waits for a run in progress). */
    scheduleNotices: (onError: (e: unknown) => void) => scheduleNotices(() => release(), onError),
  };
}
export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
