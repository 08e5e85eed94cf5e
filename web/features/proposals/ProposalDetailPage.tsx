import './proposals.css';
import { App, Button, Popconfirm } from 'antd';
import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { toasted } from '../../app/notify';
import { Attachments } from '../../components/Attachments';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { actionsFor } from './actions';
import { useProposal, useProposalAction } from './api';
import { AssignPanel } from './AssignPanel';
import { CoSignersPanel } from './CoSignersPanel';
import { DecisionPanel } from './DecisionPanel';
import { ProposalFacts, ProposalTimeline } from './ProposalFacts';
import { RepliesPanel } from './RepliesPanel';
import { Thread } from './Thread';

/** /proposals/:id: the proposal, its progress, and only the panels the viewer can act in now. */
export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const query = useProposal(id);
  const remove = useProposalAction(id, '', 'DELETE');
  const withdraw = useProposalAction(id, 'withdraw');

  if (query.isPending) return <PageSpinner />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const p = query.data;
  const can = actionsFor(p);

  const actions = (can.edit || can.delete || can.withdraw) && (
    <>
      {can.withdraw && (
        <Popconfirm
          title={t('proposals.withdrawConfirm')}
          okText={t('proposals.withdraw')}
          cancelText={t('common.cancel')}
          onConfirm={() => toasted(withdraw.mutateAsync(undefined).then(() => message.success(t('proposals.withdrawn'))))}
        >
          <Button icon={<RollbackOutlined aria-hidden />} data-testid="proposal-withdraw">
            {t('proposals.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {can.edit && (
        <LinkButton to={`/proposals/${p.id}/edit`} icon={<EditOutlined aria-hidden />} data-testid="proposal-edit">
          {t('common.edit')}
        </LinkButton>
      )}
      {can.delete && (
        <Popconfirm
          title={t('proposals.deleteConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => toasted(remove.mutateAsync(undefined).then(() => (message.success(t('common.saved')), navigate('/proposals', { replace: true }))))}
        >
          <Button danger icon={<DeleteOutlined aria-hidden />} data-testid="proposal-delete">
            {t('proposals.deleteDraft')}
          </Button>
        </Popconfirm>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={p.code ? `${p.code} ${p.title}` : p.title} back={{ to: '/proposals', label: t('proposals.title') }} extra={actions || undefined} />
      <div className="tx-proposal">
        <div className="tx-proposal-main">
          <ProposalFacts p={p} />
          <Attachments title={t('files.attachments')} ownerKind="proposal" ownerId={p.id} editable={can.edit} data-testid="proposal-attachments" />
          {can.decide && <DecisionPanel p={p} canPublish={can.publish} />}
          {can.assign && <AssignPanel p={p} />}
          <RepliesPanel p={p} can={can} />
          <Thread proposalId={p.id} kind="messages" posts={p.messages} canWrite={can.message} />
        </div>
        <div className="tx-proposal-side">
          <ProposalTimeline p={p} />
          {(p.coSigners.length > 0 || p.coSignersNeeded) && <CoSignersPanel p={p} can={can} />}
          {can.note && <Thread proposalId={p.id} kind="notes" posts={p.notes ?? []} canWrite />}
        </div>
      </div>
    </>
  );
}
