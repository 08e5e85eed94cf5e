import type { SessionUser } from '../../../common/auth';
import type { DisclosureInput, DisclosurePatch, DisclosureState } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import type { DisclosuresTable } from '../../db/tables';
import { Forbidden, Invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { htmlToText, sanitizeHtml } from '../../lib/sanitize';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { notify, recipients } from '../notifications/notifications.service';
import { catalogRepo } from './disclosures.catalog.repo';
import { disclosuresRepo, type DisclosureRow } from './disclosures.repo';
import { expectOpenIssue, expectState, findOrThrow, linkOf, recordStep } from './disclosures.view';

// An item's life: the committee drafts and submits; the 监督小组 approves or returns it with a comment;
// it is published with its 第N期 (disclosures.issues.ts) and archived later. Nothing skips the review,
// and whoever wrote or edited an item cannot approve it.

/** The sanitized content; refused when nothing readable is left. */
function cleanContent(html: string): string {
  const clean = sanitizeHtml(html);
  if (!htmlToText(clean)) throw Invalid('content', 'err.disclosure_empty');
  return clean;
}

async function expectCategory(trx: Db, orgId: string, id: string): Promise<void> {
  const c = await catalogRepo.findCategory(trx, orgId, id);
  if (!c || c.disabled) throw Invalid('categoryId', 'err.disclosure_category');
}

async function expectIssue(trx: Db, orgId: string, id: string): Promise<void> {
  const issue = await catalogRepo.findIssue(trx, orgId, id);
  if (!issue) throw Invalid('issueId', 'err.disclosure_issue_not_found');
  expectOpenIssue(issue);
}

export function flowActions(db: Db) {
  interface Step {
    from: DisclosureState[];
    to: DisclosureState;
    action: Parameters<typeof recordStep>[3];
    extra?: Partial<DisclosuresTable>;
    comment?: string;
    /** A further rule, checked inside the transaction. */
    check?: (trx: Db, row: DisclosureRow) => Promise<void>;
    /** Who hears of it: notified in the same transaction, so the change and its notice commit together. */
    notice?: (trx: Db, row: DisclosureRow) => Promise<void>;
  }
  /** Moves an item from one of `from` to a new state, with its history and audit rows. */
  async function step(user: SessionUser, id: string, { from, to, action, extra, comment, check, notice }: Step): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const row = await findOrThrow(trx, user.org.id, id);
      expectState(row, from);
      await check?.(trx, row);
      await disclosuresRepo.update(trx, user.org.id, id, { state: to, ...extra, updated_at: nowIso() });
      await recordStep(trx, user, row, action, { before: { state: row.state }, after: { state: to, ...(comment ? { comment } : {}) }, comment });
      await notice?.(trx, row);
    });
  }

  return {
    async create(user: SessionUser, input: DisclosureInput): Promise<string> {
      const orgId = user.org.id;
      const id = newId();
      const content = cleanContent(input.content);
      await db.transaction().execute(async (trx) => {
        await expectCategory(trx, orgId, input.categoryId);
        if (input.issueId) await expectIssue(trx, orgId, input.issueId);
        const now = nowIso();
        await disclosuresRepo.insert(trx, {
          id, org_id: orgId, issue_id: input.issueId ?? null, category_id: input.categoryId, title: input.title, content, audience: input.audience,
          visible_from: input.visibleFrom, visible_to: input.visibleTo ?? null, state: 'draft', returned: 0, author_user_id: user.id, author_name: user.displayName,
          submitted_at: null, reviewed_by: null, reviewed_at: null, published_at: null, archived_at: null, created_at: now, updated_at: now,
        });
        await recordStep(trx, user, { id, title: input.title }, 'create', { after: { ...input, content } });
      });
      return id;
    },

    /** Edits a draft (including one returned by the 监督小组); anything further along is refused. */
    async update(user: SessionUser, id: string, patch: DisclosurePatch): Promise<void> {
      const orgId = user.org.id;
      const content = patch.content === undefined ? undefined : cleanContent(patch.content);
      await db.transaction().execute(async (trx) => {
        const row = await findOrThrow(trx, orgId, id);
        expectState(row, ['draft']);
        const wanted: Partial<DisclosuresTable> = {
          title: patch.title,
          content,
          audience: patch.audience,
          category_id: patch.categoryId,
          visible_from: patch.visibleFrom,
          visible_to: patch.visibleTo,
          issue_id: patch.issueId,
        };
        const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== undefined && row[k as keyof typeof row] !== v)) as Partial<DisclosuresTable>;
        if (Object.keys(changes).length === 0) return;
        if (changes.category_id) await expectCategory(trx, orgId, changes.category_id);
        if (changes.issue_id) await expectIssue(trx, orgId, changes.issue_id);
        if (row.issue_id && changes.issue_id !== undefined) {
          const current = await catalogRepo.findIssue(trx, orgId, row.issue_id);
          if (current) expectOpenIssue(current);
        }
        const to = changes.visible_to === undefined ? row.visible_to : changes.visible_to;
        if (to && to < (changes.visible_from ?? row.visible_from)) throw Invalid('visibleTo', 'err.disclosure_period');
        await disclosuresRepo.update(trx, orgId, id, { ...changes, updated_at: nowIso() });
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
        await recordStep(trx, user, row, 'update', { before, after: changes });
      });
    },

    async remove(user: SessionUser, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await findOrThrow(trx, user.org.id, id);
        expectState(row, ['draft']);
        await disclosuresRepo.removeDraft(trx, user.org.id, id);
        // The history rows go with the draft; the audit log keeps what it was.
        const { category_code: _c, category_name: _n, issue_year: _y, issue_number: _i, issue_state: _s, ...before } = row;
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'disclosure', entityId: id, label: row.title, before });
      });
    },

    submit: (user: SessionUser, id: string) =>
      step(user, id, {
        from: ['draft'],
        to: 'submitted',
        action: 'submit',
        extra: { returned: 0, submitted_at: nowIso() },
        notice: async (trx, row) =>
          notify(trx, user.org.id, await recipients.withRoles(trx, user.org.id, ['supervisor']), {
            kind: 'disclosure.submitted',
            title: '校务公开待审核',
            body: `《${row.title}》已提交，请监督小组审核`,
            link: linkOf(id),
          }),
      }),

    /** Takes a submitted or approved item back to draft for changes; it will be reviewed again. */
    withdraw: (user: SessionUser, id: string) => step(user, id, { from: ['submitted', 'approved'], to: 'draft', action: 'withdraw', extra: { reviewed_by: null, reviewed_at: null } }),

    approve: (user: SessionUser, id: string) =>
      step(user, id, {
        from: ['submitted'],
        to: 'approved',
        action: 'approve',
        extra: { reviewed_by: user.id, reviewed_at: nowIso() },
        check: async (trx) => {
          if ((await disclosuresRepo.writers(trx, user.org.id, id)).includes(user.id)) throw Forbidden('err.disclosure_own_item');
        },
        notice: (trx, row) =>
          notify(trx, user.org.id, [row.author_user_id], { kind: 'disclosure.approved', title: '校务公开审核通过', body: `《${row.title}》已由监督小组审核通过，可随期公开`, link: linkOf(id) }),
      }),

    /** The 监督小组 returns an item with a comment: back to draft, the comment kept on its history. */
    sendBack: (user: SessionUser, id: string, comment: string) =>
      step(user, id, {
        from: ['submitted'],
        to: 'draft',
        action: 'return',
        extra: { returned: 1, reviewed_by: user.id, reviewed_at: nowIso() },
        comment,
        notice: (trx, row) => notify(trx, user.org.id, [row.author_user_id], { kind: 'disclosure.returned', title: '校务公开被退回', body: `《${row.title}》被监督小组退回：${comment}`, link: linkOf(id) }),
      }),

    archive: (user: SessionUser, id: string) => step(user, id, { from: ['published'], to: 'archived', action: 'archive', extra: { archived_at: nowIso() } }),
  };
}
