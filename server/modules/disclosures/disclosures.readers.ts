import type { SessionUser } from '../../../common/auth';
import type { AnswerInput, Disclosure, Feed, FeedQuery, PublicDisclosure, PublicDisclosures, ReadStatus } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import type { DisclosureQuestionsTable } from '../../db/tables';
import { AppError, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { htmlToText } from '../../lib/sanitize';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { filesRepo, type FileMeta } from '../files/files.repo';
import { notify, recipients } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { disclosuresRepo, type DisclosureRow, type ReaderScope } from './disclosures.repo';
import { readersRepo } from './disclosures.readers.repo';
import { findOrThrow, isLive, linkOf, oversees, readerScope, toEvent, toListItem, visibleQuestions } from './disclosures.view';

// What staff do with a published item: see what is new, read it (a receipt is kept), ask about it; what
// the committee does for them: answer, see who has read it, remind those who have not. And the public page.

const EXCERPT = 80;
const excerptOf = (html: string) => {
  const text = htmlToText(html).replace(/\s+/g, ' ');
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
};

type PublicFile = PublicDisclosure['files'][number];

function toPublic(r: DisclosureRow, questions: DisclosureQuestionsTable[], files: PublicFile[]): PublicDisclosure {
  return {
    id: r.id,
    title: r.title,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    issueYear: r.issue_year,
    issueNumber: r.issue_number,
    publishedAt: r.published_at!,
    content: r.content,
    // Only what the committee made public; the asker is never named outside the school.
    questions: questions.filter((q) => q.disclosure_id === r.id).map((q) => ({ body: q.body, answer: q.answer!, answeredAt: q.answered_at! })),
    files,
  };
}

/** A public item's files, without who uploaded them. */
const publicFiles = async (db: Db, orgId: string, id: string): Promise<PublicFile[]> =>
  (await filesRepo.list(db, orgId, 'disclosure', id)).map((f) => ({ id: f.id, name: f.name, size: f.size }));

export function readerActions(db: Db, orgs: OrgsService) {
  const scopeOf = async (user: SessionUser) => readerScope(db, user, await orgs.today(user.org.id));

  /** The item as `user` may reach it: the committee any item of the school, a reader only a live one addressed to them. */
  async function reach(trx: Db, user: SessionUser, id: string): Promise<DisclosureRow> {
    const row = oversees(user) ? await disclosuresRepo.find(trx, user.org.id, id) : await disclosuresRepo.findLive(trx, user.org.id, id, await scopeOf(user));
    if (!row) throw NotFound('err.disclosure_not_found');
    return row;
  }

  /**
   * A live item this reader may read and ask about (the committee too, when it is live and theirs).
   * `scope` is read before any transaction: on SQLite a query outside it would wait for it forever.
   */
  async function readable(trx: Db, user: SessionUser, id: string, scope: ReaderScope): Promise<DisclosureRow> {
    const row = await disclosuresRepo.findLive(trx, user.org.id, id, scope);
    if (!row) throw NotFound('err.disclosure_not_found');
    return row;
  }

  return {
    reach: (user: SessionUser, id: string) => reach(db, user, id),

    async feed(user: SessionUser, q: FeedQuery): Promise<Feed> {
      const { rows, total, unread } = await disclosuresRepo.feed(db, user.org.id, await scopeOf(user), user.id, q);
      const items = rows.map((r) => ({
        id: r.id,
        title: r.title,
        categoryCode: r.category_code,
        categoryName: r.category_name,
        audience: toListItem(r).audience,
        issueId: r.issue_id,
        issueYear: r.issue_year,
        issueNumber: r.issue_number,
        publishedAt: r.published_at!,
        visibleTo: r.visible_to,
        excerpt: excerptOf(r.content),
        read: Boolean(r.is_read),
      }));
      return { items, total, unread };
    },

    unread: async (user: SessionUser) => ({ count: await disclosuresRepo.unread(db, user.org.id, await scopeOf(user), user.id) }),

    async get(user: SessionUser, id: string): Promise<Disclosure> {
      const orgId = user.org.id;
      const row = await reach(db, user, id);
      const today = await orgs.today(orgId);
      const [questions, read] = await Promise.all([readersRepo.questions(db, orgId, id), readersRepo.hasRead(db, orgId, id, user.id)]);
      const out: Disclosure = Object.assign(toListItem(row), { content: row.content, read, live: isLive(row, today), questions: visibleQuestions(questions, user) });
      if (oversees(user)) out.history = (await disclosuresRepo.events(db, orgId, id)).map(toEvent);
      return out;
    },

    // A receipt is itself the record of who read what and when; like a notification marked read, it
    // writes no audit row (one per reader per item would drown the log).
    async markRead(user: SessionUser, id: string): Promise<void> {
      const row = await readable(db, user, id, await scopeOf(user));
      await readersRepo.markRead(db, { org_id: user.org.id, disclosure_id: row.id, user_id: user.id, member_id: user.memberId, read_at: nowIso() });
    },

    async ask(user: SessionUser, id: string, body: string): Promise<void> {
      const orgId = user.org.id;
      const scope = await scopeOf(user);
      await db.transaction().execute(async (trx) => {
        const row = await readable(trx, user, id, scope);
        const qid = newId();
        await readersRepo.insertQuestion(trx, { id: qid, org_id: orgId, disclosure_id: id, asker_user_id: user.id, asker_name: user.displayName, body, asked_at: nowIso(), answer: null, answer_public: 0, answered_by: null, answered_at: null });
        await auditRepo.record(trx, actorOf(user), { action: 'ask', entity: 'disclosure_question', entityId: qid, label: row.title, after: { disclosureId: id, body } });
        await notify(trx, orgId, (await recipients.withRoles(trx, orgId, ['chair', 'committee'])).filter((u) => u !== user.id), {
          kind: 'disclosure.question',
          title: '校务公开有新提问',
          body: `《${row.title}》：${body.slice(0, 60)}`,
          link: linkOf(id),
        });
      });
    },

    /** The committee answers (or corrects its answer); `public` shows it to every reader of the item. */
    async answer(user: SessionUser, questionId: string, input: AnswerInput): Promise<string> {
      const orgId = user.org.id;
      return db.transaction().execute(async (trx) => {
        const q = await readersRepo.findQuestion(trx, orgId, questionId);
        if (!q) throw NotFound('err.disclosure_question_not_found');
        const row = await findOrThrow(trx, orgId, q.disclosure_id);
        await readersRepo.answer(trx, orgId, questionId, { answer: input.body, answer_public: input.public ? 1 : 0, answered_by: user.id, answered_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), {
          action: q.answer ? 'update_answer' : 'answer',
          entity: 'disclosure_question',
          entityId: questionId,
          label: row.title,
          before: q.answer ? { answer: q.answer, public: q.answer_public === 1 } : undefined,
          after: { answer: input.body, public: input.public },
        });
        await notify(trx, orgId, [q.asker_user_id], { kind: 'disclosure.answered', title: '您的提问已答复', body: `《${row.title}》：${input.body.slice(0, 60)}`, link: linkOf(row.id) });
        return row.id;
      });
    },

    /** Who of the item's audience has read it, and who has not. */
    async readStatus(user: SessionUser, id: string): Promise<ReadStatus> {
      const orgId = user.org.id;
      const row = await findOrThrow(db, orgId, id);
      const [people, reads] = await Promise.all([readersRepo.audience(db, orgId, row.audience === 'delegates', await orgs.today(orgId)), readersRepo.reads(db, orgId, id)]);
      const readAt = new Map(reads.map((r) => [r.user_id, r.read_at]));
      const readers = people.filter((p) => readAt.has(p.user_id)).map((p) => ({ name: p.name, department: p.department, readAt: readAt.get(p.user_id)! }));
      const notRead = people.filter((p) => !readAt.has(p.user_id)).map((p) => ({ name: p.name, department: p.department }));
      return { audience: people.length, read: readers.length, unread: notRead.length, readers: readers.sort((a, b) => a.readAt.localeCompare(b.readAt)), notRead };
    },

    /** Sends an in-app reminder to everyone of the audience who has not read a published item. */
    async remind(user: SessionUser, id: string): Promise<{ reminded: number }> {
      const orgId = user.org.id;
      const today = await orgs.today(orgId);
      return db.transaction().execute(async (trx) => {
        const row = await findOrThrow(trx, orgId, id);
        if (!isLive(row, today)) throw new AppError(409, 'disclosure_not_live', 'err.disclosure_not_live');
        const read = new Set((await readersRepo.reads(trx, orgId, id)).map((r) => r.user_id));
        const to = (await readersRepo.audience(trx, orgId, row.audience === 'delegates', today)).map((p) => p.user_id).filter((u) => !read.has(u));
        await notify(trx, orgId, to, { kind: 'disclosure.remind', title: '校务公开阅读提醒', body: `请阅读校务公开《${row.title}》`, link: linkOf(id) });
        await auditRepo.record(trx, actorOf(user), { action: 'remind', entity: 'disclosure', entityId: id, label: row.title, after: { reminded: to.length } });
        return { reminded: to.length };
      });
    },

    /** The public page of a school: its public, published, in-period items, with publicly answered questions. */
    async publicList(orgId: string, page: { page: number; pageSize: number }): Promise<PublicDisclosures> {
      const org = await orgs.get(orgId).catch(() => null);
      if (!org) throw NotFound();
      const { rows, total } = await disclosuresRepo.publicList(db, orgId, await orgs.today(orgId), page);
      const questions = await readersRepo.publicQuestions(db, orgId, rows.map((r) => r.id));
      const files = await filesRepo.listOfMany(db, orgId, 'disclosure', rows.map((r) => r.id));
      const filesOf = (id: string) => files.filter((f) => f.owner_id === id).map((f) => ({ id: f.id, name: f.name, size: f.size }));
      return { orgName: org.name, items: rows.map((r) => toPublic(r, questions, filesOf(r.id))), total };
    },

    async publicItem(orgId: string, id: string): Promise<PublicDisclosure & { orgName: string }> {
      const org = await orgs.get(orgId).catch(() => null);
      const row = org && (await disclosuresRepo.findLive(db, orgId, id, { today: await orgs.today(orgId), audiences: ['public'] }));
      if (!org || !row) throw NotFound('err.disclosure_not_found');
      return { orgName: org.name, ...toPublic(row, await readersRepo.publicQuestions(db, orgId, [id]), await publicFiles(db, orgId, id)) };
    },

    /** A file of a public, published, in-period item, for anyone; 404 for every other file. */
    async publicFile(orgId: string, id: string, fileId: string): Promise<{ file: FileMeta; content: Buffer }> {
      const org = await orgs.get(orgId).catch(() => null);
      const row = org && (await disclosuresRepo.findLive(db, orgId, id, { today: await orgs.today(orgId), audiences: ['public'] }));
      const file = row && (await filesRepo.find(db, orgId, fileId));
      const content = file && file.owner_kind === 'disclosure' && file.owner_id === id ? await filesRepo.content(db, orgId, fileId) : undefined;
      if (!file || !content) throw NotFound('err.files_not_found');
      return { file, content };
    },
  };
}
