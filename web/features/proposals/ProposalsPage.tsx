import './proposals.css';
import { BarChartOutlined, DownloadOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { ProposalListItem } from '../../../common/proposals';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useListQuery } from '../../components/useListQuery';
import { useT } from '../../i18n';
import { ProposalCard, useProposalColumns } from './proposalColumns';
import { ProposalFilters } from './ProposalFilters';

/** /proposals: a delegate sees the proposals they take part in; the committee sees all. */
export default function ProposalsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const committee = can('proposals.committee');
  const columns = useProposalColumns();
  const { filters, set, result, listProps } = useListQuery<ProposalListItem>('/api/proposals');
  const { sort: _sort, ...exportQuery } = filters;

  const actions = (
    <>
      {committee && (
        <>
          <LinkButton to="/proposals/stats" icon={<BarChartOutlined aria-hidden />} data-testid="proposals-stats">
            {t('proposals.stats')}
          </LinkButton>
          <DownloadButton path="/api/proposals/export" fallbackName="提案列表.xlsx" query={exportQuery} icon={<DownloadOutlined aria-hidden />} data-testid="proposals-export">
            {t('proposals.export')}
          </DownloadButton>
          <DownloadButton
            path="/api/proposals/compilation"
            fallbackName="提案汇编.docx"
            query={{ sessionId: filters.sessionId }}
            icon={<FileWordOutlined aria-hidden />}
            data-testid="proposals-compilation"
          >
            {t('proposals.compilation')}
          </DownloadButton>
        </>
      )}
      <LinkButton to="/proposals/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="proposals-new">
        {t('proposals.new')}
      </LinkButton>
    </>
  );

  return (
    <>
      <PageHeader title={t('proposals.title')} extra={actions} />
      <div className="tx-panel">
        <ProposalFilters filters={filters} onChange={set} committee={committee} />
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<ProposalListItem>
            {...listProps}
            label={t('proposals.title')}
            rowKey={(p) => p.id}
            columns={columns}
            renderCard={(p) => <ProposalCard proposal={p} />}
            onRowClick={(p) => navigate(`/proposals/${p.id}`)}
            rowClassName={(p) => (p.overdue ? 'tx-row-overdue' : '')}
          />
        )}
      </div>
    </>
  );
}
