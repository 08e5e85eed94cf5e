import { useState } from 'react';
import { Button } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useTerm } from './api';
import { CompositionPanel } from './CompositionPanel';
import { DelegatesPanel } from './DelegatesPanel';
import { DelegationsPanel } from './DelegationsPanel';
import { useDeleteTerm } from './mutations';
import { RequestsPanel } from './RequestsPanel';
import { TermFormModal } from './TermFormModal';
import { useDeletePage } from './useConfirmDanger';
import './congress.css';

/** /congress/terms/:id — the term's composition, its delegates, its 代表团 and requests for an extra session. */
export default function TermPage() {
  const { id = '' } = useParams();
  const t = useT();
  const can = useCan();
  const term = useTerm(id);
  const remove = useDeleteTerm(id);
  const deletePage = useDeletePage(() => remove.mutateAsync());
  const [editing, setEditing] = useState(false);
  if (term.isPending) return <PageSpinner />;
  if (term.error) return <ErrorState error={term.error} onRetry={() => term.refetch()} />;
  const d = term.data;

  const onDelete = () => deletePage({ title: t('congress.deleteTerm'), content: t('congress.deleteTermConfirm', { name: d.name }), name: d.name });
  const actions = can('congress.manage') && (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="term-edit">
        {t('congress.editTerm')}
      </Button>
      <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete} data-testid="term-delete">
        {t('congress.deleteTerm')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={d.name} back={{ to: '/congress', label: t('congress.title') }} extra={actions} />
      <p className="cx-subtitle">{t('congress.dates', { start: d.startDate, end: d.endDate })}</p>
      <CompositionPanel term={d} />
      <RequestsPanel term={d} />
      <DelegatesPanel term={d} />
      <DelegationsPanel term={d} />
      {editing && <TermFormModal open onClose={() => setEditing(false)} term={d} />}
    </>
  );
}
