import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Group } from '../../../common/groups';
import { api } from '../../app/api';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { GROUPS_KEY, useGroups } from './api';
import { GroupFormModal } from './GroupFormModal';

export default function GroupsPage() {
  const t = useT();
  const can = useCan();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const groups = useGroups();
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/api/groups/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: GROUPS_KEY }),
  });
  const writable = can('groups.write');

  const onDelete = (g: Group) =>
    modal.confirm({
      title: t('groups.deleteConfirm', { name: g.name }),
      content: g.memberCount > 0 ? t('groups.deleteNotEmpty', { n: g.memberCount }) : undefined,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => toasted(remove.mutateAsync(g.id)),
    });

  const membersLink = (g: Group) => <Link to={`/members?groupId=${g.id}`}>{t('groups.memberCount', { n: g.memberCount })}</Link>;
  const actions = (g: Group) =>
    writable && (
      <span className="tx-actions">
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(g)} aria-label={t('groups.editNamed', { name: g.name })}>
          {t('common.edit')}
        </Button>
        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => onDelete(g)} aria-label={t('groups.deleteNamed', { name: g.name })}>
          {t('common.delete')}
        </Button>
      </span>
    );

  const columns: ColumnsType<Group> = [
    { key: 'name', dataIndex: 'name', title: t('groups.name') },
    { key: 'leader', dataIndex: 'leaderName', title: t('groups.leader') },
    { key: 'members', title: t('groups.members'), render: (_, g) => membersLink(g) },
    { key: 'note', dataIndex: 'note', title: t('groups.note') },
    ...(writable ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, g: Group) => actions(g) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="groups-new">
              {t('groups.new')}
            </Button>
          )
        }
      />
      <div className="tx-panel">
        {groups.error ? (
          <ErrorState error={groups.error} onRetry={() => groups.refetch()} />
        ) : (
          <DataList<Group>
            label={t('groups.title')}
            rows={groups.data?.items}
            loading={groups.isFetching}
            rowKey={(g) => g.id}
            columns={columns}
            renderCard={(g) => (
              <>
                <div className="tx-card-title">{g.name}</div>
                <div className="tx-card-meta">
                  {g.leaderName && <span>{t('groups.leaderIs', { name: g.leaderName })}</span>}
                  {membersLink(g)}
                </div>
                {g.note && <div className="tx-card-meta">{g.note}</div>}
                {writable && <div className="tx-card-actions">{actions(g)}</div>}
              </>
            )}
          />
        )}
      </div>
      <GroupFormModal open={editing !== null} group={editing === 'new' || editing === null ? undefined : editing} onClose={() => setEditing(null)} />
    </>
  );
}
