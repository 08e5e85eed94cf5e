import './proposals.css';
import { useState } from 'react';
import { Button, Checkbox, Radio } from 'antd';
import { BarChartOutlined, CalendarOutlined, DownloadOutlined, FileTextOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { PROPOSAL_STATE_LABELS, type ProposalListItem, type ProposalState } from '../../../common/proposals';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useListQuery } from '../../components/useListQuery';
import { useLabel, useT } from '../../i18n';
import { useCounts } from './api';
import { BatchDecision, PublishAllButton } from './BatchDecision';
import { ProposalCard, useProposalColumns } from './proposalColumns';
import { ProposalFilters } from './ProposalFilters';
import { WindowsModal } from './WindowsModal';

// The state filter follows a proposal's way through the committee; states nobody is in stay out of the way.
const ALWAYS: ProposalState[] = ['submitted', 'accepted', 'assigned', 'replied', 'closed'];
const TAB_ORDER: (ProposalState | 'overdue')[] = ['draft', 'submitted', 'accepted', 'assigned', 'overdue', 'replied', 'closed', 'merged', 'converted', 'rejected'];

/** /proposals: a delegate sees the proposals they take part in; the committee sees all, and decides many at once. */
export default function ProposalsPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const committee = can('proposals.committee');
  const columns = useProposalColumns();
  const { filters, set, result, listProps } = useListQuery<ProposalListItem>('/api/proposals');
  const { sort: _sort, ...exportQuery } = filters;
  const { state: _state, overdue: _overdue, ...countQuery } = exportQuery;
  const counts = useCounts(countQuery);
  const [windowsOpen, setWindowsOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);

  const current = filters.overdue === '1' ? 'overdue' : (filters.state ?? 'all');
  const count = (k: ProposalState | 'overdue') => (k === 'overdue' ? counts.data?.overdue : counts.data?.byState[k]) ?? 0;
  const tabTitle = (k: ProposalState | 'overdue') => (k === 'overdue' ? t('proposals.tabOverdue') : k === 'submitted' ? t('proposals.tabSubmitted') : label(PROPOSAL_STATE_LABELS, k));
  const tab = (key: string, text: string, n: number | undefined) => ({
    value: key,
    label: (
      <span data-testid={`proposals-tab-${key}`}>
        {text} <span className="tx-count">{n ?? ''}</span>
      </span>
    ),
  });
  const tabs = [
    tab('all', t('proposals.allStates'), counts.data?.total),
    ...TAB_ORDER.filter((k) => k === current || count(k) > 0 || (committee && ALWAYS.includes(k as ProposalState))).map((k) => tab(k, tabTitle(k), counts.data && count(k))),
  ];
  const onTab = (k: string) => {
    setSelected([]);
    set(k === 'all' ? { state: undefined, overdue: undefined } : k === 'overdue' ? { state: undefined, overdue: '1' } : { state: k, overdue: undefined });
  };

  // Only submitted proposals can be decided; the committee ticks them in the list.
  const selectable = (p: ProposalListItem) => committee && p.state === 'submitted';
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  const actions = (
    <>
      {committee && (
        <>
          <LinkButton to="/proposals/stats" icon={<BarChartOutlined aria-hidden />} data-testid="proposals-stats">
            {t('proposals.stats')}
          </LinkButton>
          <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setWindowsOpen(true)} data-testid="proposals-windows">
            {t('proposals.windows')}
          </Button>
          <LinkButton to="/proposals/templates" icon={<FileTextOutlined aria-hidden />} data-testid="proposals-templates">
            {t('proposals.templates')}
          </LinkButton>
          <PublishAllButton />
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
        <Radio.Group
          optionType="button"
          className="tx-state-tabs"
          value={current}
          onChange={(e) => onTab(e.target.value as string)}
          options={tabs}
          aria-label={t('proposals.stateFilter')}
        />
        {committee && selected.length > 0 && <BatchDecision ids={selected} onDone={() => setSelected([])} />}
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<ProposalListItem>
            {...listProps}
            label={t('proposals.title')}
            rowKey={(p) => p.id}
            columns={columns}
            rowSelection={
              committee
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys as string[]),
                    getCheckboxProps: (p) => ({ disabled: !selectable(p), 'aria-label': t('proposals.select', { title: p.title }) }),
                  }
                : undefined
            }
            renderCard={(p) =>
              selectable(p) ? (
                <div className="tx-card-pick">
                  <Checkbox checked={selected.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} aria-label={t('proposals.select', { title: p.title })} />
                  <div>
                    <ProposalCard proposal={p} />
                  </div>
                </div>
              ) : (
                <ProposalCard proposal={p} />
              )
            }
            onRowClick={(p) => navigate(`/proposals/${p.id}`)}
            rowClassName={(p) => (p.overdue ? 'tx-row-overdue' : '')}
          />
        )}
      </div>
      {committee && <WindowsModal open={windowsOpen} onClose={() => setWindowsOpen(false)} />}
    </>
  );
}

