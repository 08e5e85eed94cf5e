import './care.css';
import { Select } from 'antd';
import { GiftOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { CARE_TYPES, CARE_TYPE_LABELS, type CareRecord } from '../../../common/care';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListQuery } from '../../components/useListQuery';
import { useSearchBox } from '../../components/useSearchBox';
import { useOptions, useT } from '../../i18n';
import { RecordCard, useRecordColumns } from './parts';
import { useRecentYears } from '../../app/today';

/** Calendar years to choose from: this one and the four before (caps and the ledger count by calendar year). */

/** /care: every 慰问 record, filtered by name, type and year; the way to record one or a festival batch. */
export default function CarePage() {
  const years = useRecentYears();
  const t = useT();
  const can = useCan();
  const options = useOptions();
  const navigate = useNavigate();
  const columns = useRecordColumns();
  const { filters, set, result, listProps } = useListQuery<CareRecord>('/api/care/records');
  const search = useSearchBox(filters.q, (q) => set({ q }));

  return (
    <>
      <PageHeader
        title={t('care.title')}
        extra={
          can('care.write') && (
            <>
              <LinkButton to="/care/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="care-new">
                {t('care.new')}
              </LinkButton>
              <LinkButton to="/care/batch" icon={<GiftOutlined aria-hidden />} data-testid="care-batch">
                {t('care.batch')}
              </LinkButton>
            </>
          )
        }
      />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <SearchInput label={t('care.search')} placeholder={t('care.search')} data-testid="care-search" {...search} />
          <Select aria-label={t('care.type')} placeholder={t('care.type')} value={filters.type} onChange={(v?: string) => set({ type: v })} options={options(CARE_TYPES, CARE_TYPE_LABELS)} allowClear data-testid="care-type" />
          <Select
            aria-label={t('care.year')}
            placeholder={t('care.year')}
            value={filters.year ? Number(filters.year) : undefined}
            onChange={(v?: number) => set({ year: v })}
            options={years.map((y) => ({ value: y, label: t('care.yearOf', { y }) }))}
            allowClear
            data-testid="care-year"
          />
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<CareRecord>
            {...listProps}
            label={t('care.title')}
            rowKey={(r) => r.id}
            columns={columns}
            renderCard={(r) => <RecordCard r={r} />}
            onRowClick={(r) => navigate(`/care/records/${r.id}`)}
            rowClassName={(r) => (r.voidedAt ? 'tx-care-void' : '')}
          />
        )}
      </div>
    </>
  );
}
