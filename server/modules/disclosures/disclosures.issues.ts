import type { SessionUser } from '../../../common/auth';
import type { DisclosureAudience, DisclosureIssue, IssueBoard } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import { AppError, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { notify } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import { catalogRepo } from './disclosures.catalog.repo';
import { disclosuresRepo } from './disclosures.repo';
import { readersRepo } from './disclosures.readers.repo';
import { schoolYearOf } from '../proposals/proposals.stats';
import { expectOpenIssue, issueName, oversees, readerScope, toIssue, toListItem } from './disclosures.view';

// 公开栏 bulletin issues (第N期): numbered in order per school within each 学年 (as schools number their
// 公开栏, and as the seed's summary counts “已办到第六期” for its year), and published together — every
// item of an issue approved by the 监督小组 first, then all of them visible at the same moment.

const issueLink = (id: string) => `/disclosures/issues/${id}`;

export function issueActions(db: Db, orgs: OrgsService) {
  async function findIssue(trx: Db, user: SessionUser, id: string) {
    const issue = await catalogRepo.findIssue(trx, user.org.id, id);
    // Readers only ever learn of published issues.
    if (!issue || (issue.state !== 'published' && !oversees(user))) throw NotFound('err.disclosure_issue_not_found');
    return issue;
  }

  const counted = async (orgId: string, id: string) => toIssue((await catalogRepo.issues(db, orgId, { id }))[0]);

  return {
    findIssue: (user: SessionUser, id: string) => findIssue(db, user, id),

    /** The committee sees every issue; readers the published ones. */
    async list(user: SessionUser): Promise<{ items: DisclosureIssue[]; total: number }> {
      const items = (await catalogRepo.issues(db, user.org.id, { published: !oversees(user) })).map(toIssue);
      return { items, total: items.length };
    },

    /** Opens the year's next issue: 第(last + 1)期. Two at once get consecutive numbers (an atomic counter). */
    async create(user: SessionUser, title: string | null | undefined): Promise<DisclosureIssue> {
      const schoolYear = schoolYearOf(await orgs.today(user.org.id));
      return db.transaction().execute(async (trx) => {
        const number = await catalogRepo.nextIssueNumber(trx, user.org.id, schoolYear);
        const now = nowIso();
        const row = { id: newId(), org_id: user.org.id, school_year: schoolYear, number, title: title || null, state: 'draft', published_at: null, published_by: null, created_at: now, updated_at: now };
        await catalogRepo.insertIssue(trx, row);
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'disclosure_issue', entityId: row.id, label: issueName(row), after: { schoolYear, number, title: row.title } });
        return toIssue(row);
      });
    },

    async rename(user: SessionUser, id: string, title: string | null | undefined): Promise<DisclosureIssue> {
      await db.transaction().execute(async (trx) => {
        const issue = await findIssue(trx, user, id);
        await catalogRepo.updateIssue(trx, user.org.id, id, { title: title || null, updated_at: nowIso() });
        await auditRepo.record(trx, actorOf(user), { action: 'update', entity: 'disclosure_issue', entityId: id, label: issueName(issue), before: { title: issue.title }, after: { title: title || null } });
      });
      return counted(user.org.id, id);
    },

    /** Only the year's latest issue, still empty, can go: numbers stay consecutive. */
    async remove(user: SessionUser, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const issue = await findIssue(trx, user, id);
        const empty = (await disclosuresRepo.ofIssue(trx, user.org.id, id)).length === 0;
        if (!empty || issue.state !== 'draft' || issue.number !== (await catalogRepo.lastIssueNumber(trx, user.org.id, issue.school_year))) {
          throw new AppError(409, 'disclosure_issue_not_last', 'err.disclosure_issue_not_last');
        }
        await catalogRepo.deleteIssue(trx, user.org.id, id);
        await catalogRepo.releaseIssueNumber(trx, user.org.id, issue.school_year, issue.number);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'disclosure_issue', entityId: id, label: issueName(issue), before: { schoolYear: issue.school_year, number: issue.number, title: issue.title } });
      });
    },

    /**
     * Publishes an issue: refused unless it has items and every one is approved; then all of them become
     * visible at once, and everyone they are addressed to is told once.
     */
    async publish(user: SessionUser, id: string): Promise<DisclosureIssue> {
      const orgId = user.org.id;
      const today = await orgs.today(orgId);
      await db.transaction().execute(async (trx) => {
        const issue = await findIssue(trx, user, id);
        expectOpenIssue(issue);
        const items = await disclosuresRepo.ofIssue(trx, orgId, id);
        if (items.length === 0) throw new AppError(409, 'disclosure_issue_empty', 'err.disclosure_issue_empty', { year: issue.school_year, number: issue.number });
        const pending = items.filter((i) => i.state !== 'approved');
        if (pending.length) {
          const titles = pending.map((i) => `《${i.title}》`).join('、');
          throw new AppError(409, 'disclosure_issue_unapproved', 'err.disclosure_issue_unapproved', { year: issue.school_year, number: issue.number, count: pending.length, titles });
        }
        const now = nowIso();
        await catalogRepo.updateIssue(trx, orgId, id, { state: 'published', published_at: now, published_by: user.id, updated_at: now });
        await disclosuresRepo.setIssueState(trx, orgId, id, 'approved', { state: 'published', published_at: now, updated_at: now });
        await disclosuresRepo.insertEvents(trx, items.map((i) => ({ id: newId(), org_id: orgId, disclosure_id: i.id, action: 'publish', user_id: user.id, user_name: user.displayName, comment: issueName(issue), at: now })));
        await auditRepo.recordMany(trx, actorOf(user), [
          { action: 'publish', entity: 'disclosure_issue', entityId: id, label: issueName(issue), before: { state: 'draft' }, after: { state: 'published', items: items.length } },
          ...items.map((i) => ({ action: 'publish', entity: 'disclosure', entityId: i.id, label: i.title, before: { state: 'approved' }, after: { state: 'published', issue: issueName(issue) } })),
        ]);
        const audiences = new Set(items.map((i) => i.audience as DisclosureAudience));
        const to = await readersRepo.audience(trx, orgId, !audiences.has('staff') && !audiences.has('public'), today);
        await notify(trx, orgId, to.map((a) => a.user_id), {
          kind: 'disclosure.published',
          title: `校务公开${issueName(issue)}`,
          body: `${issueName(issue)}校务公开已发布，共 ${items.length} 项，请及时阅读`,
          link: issueLink(id),
        });
      });
      return counted(orgId, id);
    },

    /** The 公开栏 of one issue: the committee previews every item; readers see what is addressed to them today. */
    async board(user: SessionUser, id: string): Promise<IssueBoard> {
      const orgId = user.org.id;
      const issue = await findIssue(db, user, id);
      const rows = oversees(user) ? await disclosuresRepo.ofIssue(db, orgId, id) : await disclosuresRepo.liveOfIssue(db, orgId, id, await readerScope(db, user, await orgs.today(orgId)));
      return {
        orgName: (await orgs.get(orgId)).name,
        issue: await counted(orgId, issue.id),
        items: rows.map((r) => Object.assign(toListItem(r), { content: r.content })),
      };
    },
  };
}
