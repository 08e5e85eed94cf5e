import { App, Button } from 'antd';
import { DeleteOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Member } from '../../../common/members';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useDeleteMember, useMember, useRestoreMember } from './api';
import { MemberDescriptions } from './MemberDescriptions';

export default function MemberDetailPage() {
  const { id } = useParams();
  const { data: m, isPending, error, refetch } = useMember(id);
  if (isPending) return <PageSpinner />;
  if (error) return <ErrorState error={error} onRetry={() => refetch()} />;
  return <MemberDetail member={m} />;
}

function MemberDetail({ member: m }: { member: Member }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { modal, notification } = App.useApp();
  const remove = useDeleteMember();
  const restore = useRestoreMember();

  // Soft delete: the notification offers an undo from the list page. This page has unmounted by
  // then, so use the promise (observer callbacks would never fire); errors are toasted globally.
  const onRestore = (key: string) =>
    toasted(
      restore.mutateAsync(m.id).then(() => {
        notification.destroy(key);
        navigate(`/members/${m.id}`);
      }),
    );
  const onDelete = () =>
    modal.confirm({
      title: t('members.deleteConfirm', { name: m.name }),
      content: t('members.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        toasted(
          remove.mutateAsync(m.id).then(() => {
            const key = `deleted-${m.id}`;
            navigate('/members');
            notification.success({
              key,
              title: t('members.deleted', { name: m.name }),
              duration: 10,
              actions: (
                <Button size="small" onClick={() => onRestore(key)}>
                  {t('members.restore')}
                </Button>
              ),
            });
          }),
        ),
    });

  return (
    <>
      <PageHeader
        title={m.name}
        back={{ to: '/members', label: t('members.title') }}
        extra={
          <>
            {can('audit.read') && (
              <LinkButton to={`/audit?entity=member&entityId=${m.id}`} icon={<HistoryOutlined aria-hidden />}>
                {t('members.history')}
              </LinkButton>
            )}
            {can('members.write') && (
              <>
                <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete} data-testid="member-delete">
                  {t('common.delete')}
                </Button>
                <LinkButton type="primary" to={`/members/${m.id}/edit`} icon={<EditOutlined aria-hidden />} data-testid="member-edit">
                  {t('common.edit')}
                </LinkButton>
              </>
            )}
          </>
        }
      />
      <div className="tx-panel">
        <MemberDescriptions member={m} />
      </div>
    </>
  );
}
