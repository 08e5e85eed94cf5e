import { useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useTerm } from './api';
import { CompositionPanel } from './CompositionPanel';
import { DelegatesPanel } from './DelegatesPanel';
import { DelegationsPanel } from './DelegationsPanel';
import './congress.css';

/** /congress/terms/:id — the term's composition, its delegates and its 代表团. */
export default function TermPage() {
  const { id } = useParams();
  const t = useT();
  const term = useTerm(id);
  if (term.isPending) return <PageSpinner />;
  if (term.error) return <ErrorState error={term.error} onRetry={() => term.refetch()} />;
  const d = term.data;
  return (
    <>
      <PageHeader title={d.name} back={{ to: '/congress', label: t('congress.title') }} />
      <p className="cx-subtitle">{t('congress.dates', { start: d.startDate, end: d.endDate })}</p>
      <CompositionPanel term={d} />
      <DelegatesPanel term={d} />
      <DelegationsPanel term={d} />
    </>
  );
}
