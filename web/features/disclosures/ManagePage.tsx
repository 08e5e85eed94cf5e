import './disclosures.css';
import { Checkbox, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AppstoreOutlined, BarChartOutlined, GlobalOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { DISCLOSURE_STATES, DISCLOSURE_STATE_LABELS, type DisclosureListItem } from '../../../common/disclosures';
import { useCan, useUser } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListQuery } from '../../components/useListQuery';
import { useSearchBox } from '../../components/useSearchBox';
import { useOptions, useT } from '../../i18n';
import { useCategories, useIssues } from './api';
import { AudienceTag, StateTag, useCategoryName, useIssueLabel, usePeriodText } from './parts';

function useColumns(): ColumnsType<DisclosureListItem> {
  const t = useT();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const period = usePeriodText();
  return [
    { key: 'title', title: t('disclosures.field.disclosureTitle'), render: (_, i) => <Link to={`/disclosures/${i.id}`}>{i.title}</Link> },
    { key: 'category', title: t('disclosures.field.disclosureCategory'), render: (_, i) => category(i) },
    { key: 'issue', title: t('disclosures.field.issue'), render: (_, i) => issue({ schoolYear: i.issueYear, number: i.issueNumber }) },
    { key: 'audience', title: t('disclosures.field.audience'), render: (_, i) => <AudienceTag audience={i.audience} /> },
    { key: 'state', title: t('field.state'), render: (_, i) => <StateTag item={i} /> },
    { key: 'period', title: t('disclosures.field.period'), render: (_, i) => period(i) },
    { key: 'author', title: t('disclosures.field.author'), dataIndex: 'authorName' },
  ];
}

function ItemCard({ item }: { item: DisclosureListItem }) {
  const category = useCategoryName();
  const issue = useIssueLabel();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/disclosures/${item.id}`}>{item.title}</Link>
      </div>
      <div className="tx-card-meta">
        <StateTag item={item} />
        <AudienceTag audience={item.audience} />
        <span>{category(item)}</span>
        {item.issueNumber != null && <span>{issue({ schoolYear: item.issueYear, number: item.issueNumber })}</span>}
      </div>
    </>
  );
}

/** /disclosures/manage: every item in every state, for the committee and the 监督小组. */
export default function ManagePage() {
  const t = useT();
  const can = useCan();
  const user = useUser();
  const options = useOptions();
  const navigate = useNavigate();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const columns = useColumns();
  const categories = useCategories();
  const issues = useIssues();
  const { filters, set, result, listProps } = useListQuery<DisclosureListItem>('/api/disclosures');
  const search = useSearchBox(filters.q, (q) => set({ q }));

  const select = (key: string, aria: string, placeholder: string, opts: { value: string; label: string }[]) => (
    <Select aria-label={aria} placeholder={placeholder} value={filters[key]} onChange={(v?: string) => set({ [key]: v })} options={opts} allowClear data-testid={`disclosures-filter-${key}`} />
  );

  const actions = (
    <>
      <LinkButton to="/disclosures/issues" icon={<ProfileOutlined aria-hidden />}>
        {t('disclosures.issues')}
      </LinkButton>
      <LinkButton to="/disclosures/stats" icon={<BarChartOutlined aria-hidden />}>
        {t('disclosures.stats')}
      </LinkButton>
      <LinkButton to={`/public/${user.org.id}/disclosures`} icon={<GlobalOutlined aria-hidden />} data-testid="disclosures-public-link">
        {t('disclosures.publicPage')}
      </LinkButton>
      {can('disclosures.write') && (
        <>
          <LinkButton to="/disclosures/categories" icon={<AppstoreOutlined aria-hidden />}>
            {t('disclosures.categories')}
          </LinkButton>
          <LinkButton to="/disclosures/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="disclosures-new">
            {t('disclosures.newItem')}
          </LinkButton>
        </>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('disclosures.manageTitle')} back={{ to: '/disclosures', label: t('disclosures.title') }} extra={actions} />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <SearchInput label={t('disclosures.search')} {...search} />
          {select('state', t('disclosures.stateFilter'), t('disclosures.allStates'), options(DISCLOSURE_STATES, DISCLOSURE_STATE_LABELS))}
          {select('categoryId', t('disclosures.categoryFilter'), t('disclosures.allCategories'), (categories.data?.items ?? []).map((c) => ({ value: c.id, label: category(c) })))}
          {select('issueId', t('disclosures.issueFilter'), t('disclosures.allIssues'), (issues.data?.items ?? []).map((i) => ({ value: i.id, label: issue(i) })))}
          <Checkbox checked={filters.returned === '1'} onChange={(e) => set({ returned: e.target.checked ? '1' : undefined })}>
            {t('disclosures.returnedOnly')}
          </Checkbox>
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<DisclosureListItem>
            {...listProps}
            label={t('disclosures.manageTitle')}
            rowKey={(i) => i.id}
            columns={columns}
            renderCard={(i) => <ItemCard item={i} />}
            onRowClick={(i) => navigate(`/disclosures/${i.id}`)}
          />
        )}
      </div>
    </>
  );
}
