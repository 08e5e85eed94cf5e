import { PROPOSAL_ACTIONS, type Proposal, type ProposalAction } from '../../../common/proposals';
import type { T } from '../../i18n';

/** What the viewer may do now, as the server says in `actions` (the web never guesses). */
export function actionsFor(p: Proposal): Record<ProposalAction, boolean> {
  return Object.fromEntries(PROPOSAL_ACTIONS.map((a) => [a, p.actions.includes(a)])) as Record<ProposalAction, boolean>;
}
export type ProposalActions = ReturnType<typeof actionsFor>;

/** How a collective proposal names its proposer: the 代表团, with its head. */
export const proposerLabel = (p: { delegationName: string | null; proposerName: string }, t: T) =>
  p.delegationName ? t('proposals.byDelegation', { d: p.delegationName, name: p.proposerName }) : p.proposerName;
