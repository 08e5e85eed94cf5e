import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Member } from '../../../common/members';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { useListQuery } from '../../components/useListQuery';
import { useT } from '../../i18n';
import { MemberCard, useMemberColumns } from './memberColumns';
import { MemberFilters } from './MemberFilters';

export default function MembersPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const columns = useMemberColumns();
  const { filters, set, result, listProps } = useListQuery<Member>('/api/members', { sort: 'employeeNo' });

  const actions = (
    <>
      {can('members.export') && (
        <DownloadButton
          path="/api/members/export"
          fallbackName={`${t('members.title')}.xlsx`}
          query={filters}
          icon={<DownloadOutlined aria-hidden />}
          data-testid="members-export"
        >
          {t('members.export')}
        </DownloadButton>
      )}
      {can('members.import') && (
        <LinkButton to="/members/import" icon={<UploadOutlined aria-hidden />} data-testid="members-import">
          {t('members.import')}
        </LinkButton>
      )}
      {can('members.write') && (
        <LinkButton to="/members/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="members-new">
          {t('members.new')}
        </LinkButton>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('members.title')} extra={actions} />
      <div className="tx-panel">
        <MemberFilters filters={filters} onChange={set} />
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<Member>
            {...listProps}
            label={t('members.title')}
            rowKey={(m) => m.id}
            columns={columns}
            renderCard={(m) => <MemberCard member={m} />}
            onRowClick={(m) => navigate(`/members/${m.id}`)}
          />
        )}
      </div>
    </>
  );
}
