import './proposals.css';
import { useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useProposal, useWindows } from './api';
import { ProposalForm } from './ProposalForm';

/** /proposals/new and /proposals/:id/edit (drafts only; the server refuses anything else). */
export default function ProposalFormPage() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const existing = useProposal(id);
  const windows = useWindows(); // the form picks the open window when there is just one

  if ((id && existing.isPending) || windows.isPending) return <PageSpinner />;
  if (id && existing.error) return <ErrorState error={existing.error} onRetry={() => existing.refetch()} />;
  const proposal = existing.data;
  return (
    <>
      <PageHeader
        title={proposal ? t('proposals.editTitle') : t('proposals.new')}
        back={proposal ? { to: `/proposals/${proposal.id}`, label: proposal.title } : { to: '/proposals', label: t('proposals.title') }}
      />
      <div className="tx-panel tx-form-panel">
        <ProposalForm proposal={proposal} onSaved={(p) => navigate(`/proposals/${p.id}`, { replace: true })} />
      </div>
    </>
  );
}
