import type { SessionUser } from '../../../common/auth';
import type { AnswerInput, Disclosure, DisclosureInput, DisclosureListItem, DisclosureListQuery, DisclosurePatch } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import { NotFound } from '../../lib/errors';
import type { OrgsService } from '../orgs/orgs.service';
import { categoryActions } from './disclosures.categories';
import { flowActions } from './disclosures.flow';
import { issueActions } from './disclosures.issues';
import { readerActions } from './disclosures.readers';
import { readersRepo } from './disclosures.readers.repo';
import { disclosuresRepo } from './disclosures.repo';
import { disclosureStats } from './disclosures.stats';
import { toListItem } from './disclosures.view';

// 校务公开: the committee writes, the 监督小组 reviews, issues publish, staff read and ask.
export function createDisclosuresService(db: Db, orgs: OrgsService) {
  const flow = flowActions(db);
  const issues = issueActions(db, orgs);
  const readers = readerActions(db, orgs);
  const categories = categoryActions(db);

  /** Waits for an action, then answers with the item as the caller now sees it. */
  const after = async (user: SessionUser, id: string, action: Promise<unknown>): Promise<Disclosure> => {
    await action;
    return readers.get(user, id);
  };

  return {
    /** 404 unless the caller may reach the item: checked before a request body is even read. */
    assertVisible: async (user: SessionUser, id: string) => void (await readers.reach(user, id)),
    async assertQuestion(user: SessionUser, id: string): Promise<void> {
      if (!(await readersRepo.findQuestion(db, user.org.id, id))) throw NotFound('err.disclosure_question_not_found');
    },
    assertIssue: async (user: SessionUser, id: string) => void (await issues.findIssue(user, id)),
    assertCategory: categories.exists,

    async list(user: SessionUser, q: DisclosureListQuery): Promise<{ items: DisclosureListItem[]; total: number }> {
      const { rows, total } = await disclosuresRepo.list(db, user.org.id, q);
      return { items: rows.map(toListItem), total };
    },
    get: readers.get,
    create: async (user: SessionUser, input: DisclosureInput) => readers.get(user, await flow.create(user, input)),
    update: (user: SessionUser, id: string, patch: DisclosurePatch) => after(user, id, flow.update(user, id, patch)),
    remove: flow.remove,
    submit: (user: SessionUser, id: string) => after(user, id, flow.submit(user, id)),
    withdraw: (user: SessionUser, id: string) => after(user, id, flow.withdraw(user, id)),
    approve: (user: SessionUser, id: string) => after(user, id, flow.approve(user, id)),
    sendBack: (user: SessionUser, id: string, comment: string) => after(user, id, flow.sendBack(user, id, comment)),
    archive: (user: SessionUser, id: string) => after(user, id, flow.archive(user, id)),

    feed: readers.feed,
    unread: readers.unread,
    markRead: readers.markRead,
    ask: (user: SessionUser, id: string, body: string) => after(user, id, readers.ask(user, id, body)),
    answer: async (user: SessionUser, questionId: string, input: AnswerInput) => readers.get(user, await readers.answer(user, questionId, input)),
    readStatus: readers.readStatus,
    remind: readers.remind,
    publicList: readers.publicList,
    publicItem: readers.publicItem,
    publicFile: readers.publicFile,

    issues: issues.list,
    createIssue: issues.create,
    renameIssue: issues.rename,
    removeIssue: issues.remove,
    publishIssue: issues.publish,
    board: issues.board,

    categories: categories.list,
    createCategory: categories.create,
    updateCategory: categories.update,
    removeCategory: categories.remove,
    stats: (user: SessionUser, schoolYear?: number) => disclosureStats(db, orgs, user, schoolYear),
  };
}
export type DisclosuresService = ReturnType<typeof createDisclosuresService>;
