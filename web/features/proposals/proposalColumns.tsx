import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATE_LABELS, type ProposalListItem, type ProposalState } from '../../../common/proposals';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { formatTime } from '../../components/format';
import { useLabel, useT } from '../../i18n';
import { proposerLabel } from './actions';

const STATE_TONES: Record<ProposalState, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  accepted: 'blue',
  merged: 'grey',
  converted: 'orange',
  rejected: 'red',
  assigned: 'orange',
  replied: 'green',
  closed: 'green',
};

export function StateTag({ state }: { state: ProposalState }) {
  const label = useLabel();
  return <ToneTag tone={STATE_TONES[state]}>{label(PROPOSAL_STATE_LABELS, state)}</ToneTag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const t = useT();
  return overdue ? <ToneTag tone="red">{t('proposals.overdue')}</ToneTag> : null;
}

/** The committee's mark on a proposal holding a decision not yet published. */
function PendingTag({ p }: { p: ProposalListItem }) {
  const t = useT();
  return p.pendingDecision ? <ToneTag tone="grey">{t('proposals.draftPending', { d: t(`decision.${p.pendingDecision}`) })}</ToneTag> : null;
}

export function useProposalColumns(): ColumnsType<ProposalListItem> {
  const t = useT();
  const label = useLabel();
  return [
    { key: 'code', title: t('field.number'), render: (_, p) => p.code ?? '', className: 'tx-nowrap' },
    {
      key: 'title',
      title: t('field.proposalTitle'),
      render: (_, p) => <Link to={`/proposals/${p.id}`}>{p.title}</Link>,
    },
    { key: 'category', title: t('field.category'), render: (_, p) => label(PROPOSAL_CATEGORY_LABELS, p.category) },
    { key: 'proposer', title: t('field.proposer'), render: (_, p) => proposerLabel(p, t) },
    { key: 'session', title: t('field.session'), dataIndex: 'sessionName' },
    {
      key: 'state',
      title: t('field.state'),
      render: (_, p) => (
        <>
          <StateTag state={p.state} />
          <OverdueTag overdue={p.overdue} />
          <PendingTag p={p} />
        </>
      ),
    },
    { key: 'department', title: t('proposals.department'), render: (_, p) => p.department ?? '', className: 'tx-nowrap' },
    { key: 'deadline', title: t('field.deadline'), render: (_, p) => p.deadline ?? '', className: 'tx-nowrap' },
    { key: 'submittedAt', title: t('field.submittedAt'), render: (_, p) => formatTime(p.submittedAt) },
  ];
}

export function ProposalCard({ proposal: p }: { proposal: ProposalListItem }) {
  const t = useT();
  const label = useLabel();
  return (
    <>
      <div className="tx-card-title">
        {p.code && <span className="tx-muted">{p.code} </span>}
        <Link to={`/proposals/${p.id}`}>{p.title}</Link>
      </div>
      <div className="tx-card-meta">
        <StateTag state={p.state} />
        <OverdueTag overdue={p.overdue} />
        <PendingTag p={p} />
        <span>{label(PROPOSAL_CATEGORY_LABELS, p.category)}</span>
        <span>{proposerLabel(p, t)}</span>
        {p.department && (
          <span>
            {p.department}
            {p.deadline ? ` · ${t('field.deadline')} ${p.deadline}` : ''}
          </span>
        )}
      </div>
    </>
  );
}
