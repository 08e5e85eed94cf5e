import type { SessionUser } from '../../../common/auth';
import type { Proposal } from '../../../common/proposals';

/** Who the viewer is on this proposal (mirrors server/modules/proposals/proposals.view.ts `load`). */
export function rolesOn(p: Proposal, user: SessionUser) {
  return {
    committee: user.permissions.includes('proposals.committee'),
    proposer: !!user.memberId && p.proposerMemberId === user.memberId,
    lead: p.handlerUserId === user.id,
    assist: p.assists.some((a) => a.handlerUserId === user.id),
    invited: !!user.memberId && p.coSigners.some((c) => c.memberId === user.memberId && c.status === 'invited'),
    cosigner: !!user.memberId && p.coSigners.some((c) => c.memberId === user.memberId),
  };
}

/**
 * What the viewer may do now: the same state and role checks the server applies, so only
 * actions that can succeed are offered (the detail response carries no `actions` list).
 */
export function actionsFor(p: Proposal, user: SessionUser) {
  const is = rolesOn(p, user);
  const draft = p.state === 'draft';
  return {
    is,
    edit: draft && is.proposer,
    submit: draft && is.proposer,
    cosign: draft && is.cosigner && !is.proposer,
    decide: p.state === 'submitted' && is.committee,
    assign: (p.state === 'accepted' || p.state === 'assigned') && is.committee,
    reply: p.state === 'assigned' && is.lead && user.permissions.includes('proposals.handle'),
    rate: p.state === 'replied' && is.proposer,
    message: (p.state === 'assigned' || p.state === 'replied') && (is.proposer || is.lead || is.assist || is.committee),
    notes: is.committee,
  };
}
export type ProposalActions = ReturnType<typeof actionsFor>;
