import { useState } from 'react';
import { App, Button, Select } from 'antd';
import { KeyOutlined, PlusOutlined, StopOutlined, EditOutlined, CheckCircleOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ROLES, ROLE_LABELS } from '../../../common/permissions';
import type { UserAccount } from '../../../common/users';
import { useCan, useUser } from '../../app/auth';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { SearchInput } from '../../components/SearchInput';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { formatTime } from '../../components/format';
import { useSearchBox } from '../../components/useSearchBox';
import { useListQuery } from '../../components/useListQuery';
import { useLabel, useOptions, useT } from '../../i18n';
import { useUpdateUser } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';

export default function UsersPage() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const can = useCan();
  const me = useUser();
  const { modal } = App.useApp();
  const { filters, set, result, listProps } = useListQuery<UserAccount>('/api/users');
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const writable = can('users.write');

  const toggle = (u: UserAccount) =>
    modal.confirm({
      title: t(u.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: u.username }),
      okText: t(u.disabled ? 'users.enable' : 'users.disable'),
      okButtonProps: { danger: !u.disabled },
      cancelText: t('common.cancel'),
      onOk: () => toasted(update.mutateAsync({ id: u.id, disabled: !u.disabled })),
    });

  const status = (u: UserAccount) => (
    <>
      {u.disabled ? <ToneTag tone="grey">{t('users.disabled')}</ToneTag> : <ToneTag tone="green">{t('users.enabled')}</ToneTag>}
      {u.mustChangePassword && <ToneTag tone="orange">{t('users.mustChangeTag')}</ToneTag>}
    </>
  );
  const roles = (u: UserAccount) => u.roles.map((r) => label(ROLE_LABELS, r)).join('、');
  const member = (u: UserAccount) => (u.memberId ? <Link to={`/members/${u.memberId}`}>{u.memberName}</Link> : '—');
  const actions = (u: UserAccount) =>
    writable && (
      <span className="tx-actions">
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(u)} aria-label={t('users.editNamed', { name: u.username })}>
          {t('common.edit')}
        </Button>
        <Button size="small" icon={<KeyOutlined aria-hidden />} onClick={() => setResetting(u)} aria-label={t('users.resetNamed', { name: u.username })}>
          {t('users.reset')}
        </Button>
        {u.id !== me.id && (
          <Button
            size="small"
            danger={!u.disabled}
            icon={u.disabled ? <CheckCircleOutlined aria-hidden /> : <StopOutlined aria-hidden />}
            onClick={() => toggle(u)}
            aria-label={t(u.disabled ? 'users.enableNamed' : 'users.disableNamed', { name: u.username })}
          >
            {t(u.disabled ? 'users.enable' : 'users.disable')}
          </Button>
        )}
      </span>
    );

  const columns: ColumnsType<UserAccount> = [
    { key: 'username', dataIndex: 'username', title: t('auth.username') },
    { key: 'member', title: t('users.member'), render: (_, u) => member(u) },
    { key: 'roles', title: t('users.roles'), render: (_, u) => roles(u) },
    { key: 'status', title: t('field.status'), render: (_, u) => status(u) },
    { key: 'lastLoginAt', title: t('users.lastLogin'), render: (_, u) => formatTime(u.lastLoginAt) || t('users.never') },
    ...(writable ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, u: UserAccount) => actions(u) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          writable && (
            <>
              <LinkButton to="/users/bulk" icon={<UsergroupAddOutlined aria-hidden />} data-testid="users-bulk">
                {t('users.bulk')}
              </LinkButton>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="users-new">
                {t('users.new')}
              </Button>
            </>
          )
        }
      />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <SearchInput label={t('users.search')} placeholder={t('users.searchPlaceholder')} {...search} />
          <Select
            aria-label={t('users.roles')}
            placeholder={t('users.roles')}
            allowClear
            value={filters.role}
            onChange={(role?: string) => set({ role })}
            options={options(ROLES, ROLE_LABELS)}
          />
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<UserAccount>
            {...listProps}
            label={t('users.title')}
            rowKey={(u) => u.id}
            columns={columns}
            renderCard={(u) => (
              <>
                <div className="tx-card-title">
                  {u.username} {status(u)}
                </div>
                <div className="tx-card-meta">
                  <span>{member(u)}</span>
                  <span>{roles(u)}</span>
                </div>
                {writable && <div className="tx-card-actions">{actions(u)}</div>}
              </>
            )}
          />
        )}
      </div>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
