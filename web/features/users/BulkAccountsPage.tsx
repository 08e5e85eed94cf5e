import { useState, type Key } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Member } from '../../../common/members';
import type { Role } from '../../../common/permissions';
import { download } from '../../app/api';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useListQuery } from '../../components/useListQuery';
import { useT } from '../../i18n';
import { MemberFilters } from '../members/MemberFilters';
import { StatusTag } from '../members/MemberTags';
import { useRefreshAccounts } from './api';
import { RolesField } from './RolesField';

/** Pick members (across pages and filters), give them roles, get an .xlsx of usernames and initial passwords. */
export default function BulkAccountsPage() {
  const t = useT();
  const { message } = App.useApp();
  const refresh = useRefreshAccounts();
  const { filters, set, result, listProps } = useListQuery<Member>('/api/members', { sort: 'employeeNo' });
  const [selected, setSelected] = useState<Key[]>([]);
  const [roles, setRoles] = useState<Role[]>(['member']);

  const create = useMutation({
    mutationFn: () => download('/api/users/bulk', `${t('users.bulkFile')}.xlsx`, { method: 'POST', body: { memberIds: selected, roles } }),
    onSuccess: async () => {
      message.success(t('users.bulkDone', { n: selected.length }));
      setSelected([]);
      await refresh();
    },
  });

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((k) => k !== id)));

  const columns: ColumnsType<Member> = [
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('field.employeeNo'), sorter: true },
    { key: 'name', dataIndex: 'name', title: t('field.name'), sorter: true },
    { key: 'group', dataIndex: 'groupName', title: t('field.group') },
    { key: 'status', title: t('field.status'), render: (_, m) => <StatusTag status={m.status} /> },
    { key: 'account', title: t('field.hasAccount'), render: (_, m) => (m.hasAccount ? <ToneTag tone="grey">{t('users.hasAccount')}</ToneTag> : null) },
  ];

  return (
    <>
      <PageHeader title={t('users.bulk')} back={{ to: '/users', label: t('users.title') }} />
      <div className="tx-panel">
        <Alert type="info" showIcon title={t('users.bulkHint')} style={{ marginBottom: 16 }} />
        <MemberFilters filters={filters} onChange={set} />
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<Member>
            {...listProps}
            label={t('users.bulk')}
            rowKey={(m) => m.id}
            columns={columns}
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: setSelected,
              getCheckboxProps: (m) => ({ disabled: m.hasAccount, 'aria-label': t('users.selectMember', { name: m.name }) }),
            }}
            renderCard={(m) => (
              <Checkbox checked={selected.includes(m.id)} disabled={m.hasAccount} onChange={(e) => toggle(m.id, e.target.checked)}>
                <span className="tx-card-title">{m.name}</span>
                <span className="tx-card-meta">
                  <span>
                    {t('field.employeeNo')} {m.employeeNo}
                  </span>
                  <span>{m.groupName ?? t('members.noGroup')}</span>
                  {m.hasAccount && <ToneTag tone="grey">{t('users.hasAccount')}</ToneTag>}
                </span>
              </Checkbox>
            )}
          />
        )}
        <fieldset className="tx-fieldset">
          <legend>{t('users.roles')}</legend>
          <RolesField value={roles} onChange={setRoles} />
        </fieldset>
          <Button
            type="primary"
            icon={<DownloadOutlined aria-hidden />}
            disabled={selected.length === 0 || roles.length === 0}
            loading={create.isPending}
            onClick={() => create.mutate()}
            data-testid="users-bulk-create"
          >
            {t('users.bulkCreate', { n: selected.length })}
          </Button>
      </div>
    </>
  );
}
