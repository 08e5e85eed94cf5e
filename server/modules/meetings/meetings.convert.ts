import type { SessionUser } from '../../../common/auth';
import type { OpinionTarget, OpinionToCase, OpinionToProposal, OpinionToSuggestion } from '../../../common/meetings';
import type { Db } from '../../db/database';
import { Conflict } from '../../lib/errors';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { createCaseFrom } from '../cases/cases.service';
import type { OrgsService } from '../orgs/orgs.service';
import { createDraftFor } from '../proposals/proposals.draft';
import { submitForUnion } from '../suggestions/suggestions.write';
import { meetingsRepo, type MeetingRow, type OpinionRow } from './meetings.repo';
import { raiserOf } from './meetings.view';

// An opinion raised at a meeting becomes a suggestion (in the union's name), a proposal draft or a rights case, in
// one transaction with the opinion's link to it; the suggestion's and proposal's pages find the way
// back through meetingsRepo.source. An opinion becomes one thing, once.

/** The text sent on: the opinion, then where and by whom it was raised. */
export const sourceText = (m: Pick<MeetingRow, 'title' | 'date'>, o: OpinionRow) =>
  `${o.content}\n\n（${m.date}「${m.title}」上${raiserOf(o) ? `由${raiserOf(o)}` : ''}提出）`;

type Convertible = (trx: Db, orgId: string, meetingId: string, opinionId: string) => Promise<OpinionRow>;

export function convertActions(db: Db, orgs: OrgsService, convertible: Convertible) {
  async function convert(user: SessionUser, m: MeetingRow, opinionId: string, kind: OpinionTarget, make: (trx: Db, o: OpinionRow, day: string) => Promise<string>) {
    const orgId = user.org.id;
    const day = await orgs.today(orgId);
    await db.transaction().execute(async (trx) => {
      const o = await convertible(trx, orgId, m.id, opinionId);
      const targetId = await make(trx, o, day);
      // Claimed after the target exists: a second request converting the same opinion at once fails here and rolls back.
      if (!(await meetingsRepo.claimOpinion(trx, orgId, opinionId, kind, targetId, day))) throw Conflict('meeting_opinion_converted', 'err.meeting_opinion_converted');
      await auditRepo.record(trx, actorOf(user), { action: 'convert', entity: 'meeting_opinion', entityId: opinionId, label: m.title, after: { kind, id: targetId } });
    });
  }

  return {
    toSuggestion: (user: SessionUser, m: MeetingRow, opinionId: string, input: OpinionToSuggestion) =>
      convert(user, m, opinionId, 'suggestion', (trx, o, day) => submitForUnion(trx, user, day, { ...input, content: sourceText(m, o) })),
    toProposal: (user: SessionUser, m: MeetingRow, opinionId: string, input: OpinionToProposal) =>
      convert(user, m, opinionId, 'proposal', (trx, o) => createDraftFor(trx, user, { ...input, reasons: sourceText(m, o), measures: '' })),
    toCase: (user: SessionUser, m: MeetingRow, opinionId: string, input: OpinionToCase) =>
      convert(user, m, opinionId, 'case', (trx, o) =>
        createCaseFrom(trx, user, { memberId: o.member_id, ...input, content: sourceText(m, o), source: { kind: 'meeting_opinion', id: o.id } }),
      ),
  };
}
