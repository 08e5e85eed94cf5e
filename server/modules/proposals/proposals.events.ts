import type { SessionUser } from '../../../common/auth';
import type { ProposalEvent, ProposalEventData, ProposalEventKind } from '../../../common/proposals';
import type { Db } from '../../db/database';
import type { ProposalEventsTable } from '../../db/tables';
import { newId } from '../../lib/ids';
import { parsedWith } from '../../lib/json';
import { nowIso } from '../../lib/time';
import { threadRepo } from './proposals.thread.repo';

// A proposal's history for its timeline, written in the same transaction as the change it records.
// Names are stored as they were (a handler who later leaves still shows as the one who was assigned).

export function recordEvent(trx: Db, user: SessionUser, proposal: { id: string; org_id: string }, kind: ProposalEventKind, data: ProposalEventData = {}): Promise<unknown> {
  return threadRepo.insertEvent(trx, {
    id: newId(),
    org_id: proposal.org_id,
    proposal_id: proposal.id,
    kind,
    at: nowIso(),
    user_id: user.id,
    actor_name: user.displayName,
    data: JSON.stringify(data),
  });
}

export const toEvent = (r: ProposalEventsTable): ProposalEvent =>
  parsedWith(r.data, { id: r.id, kind: r.kind as ProposalEventKind, at: r.at, actorName: r.actor_name }) as ProposalEvent;
