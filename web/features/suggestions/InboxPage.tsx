import './suggestions.css';
import { Checkbox, Select } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ADDRESSEE_LABELS, SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS, SUGGESTION_STATUSES, SUGGESTION_STATUS_LABELS, type SuggestionListItem } from '../../../common/suggestions';
import { useCan, useUser } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListQuery } from '../../components/useListQuery';
import { useSearchBox } from '../../components/useSearchBox';
import { useLabel, useOptions, useT } from '../../i18n';
import { useDepartments } from './api';
import { SuggestionCard, useSuggestionColumns } from './parts';

/** /suggestions/inbox: the mail of every mailbox the caller answers, with filters and the overdue flag. */
export default function InboxPage() {
  const t = useT();
  const can = useCan();
  const user = useUser();
  const label = useLabel();
  const options = useOptions();
  const navigate = useNavigate();
  const columns = useSuggestionColumns(true);
  const departments = useDepartments();
  const { filters, set, result, listProps } = useListQuery<SuggestionListItem>('/api/suggestions');
  const search = useSearchBox(filters.q, (q) => set({ q }));

  // The mailboxes this account answers (the server decides; this only offers the choices).
  const mailboxes = [
    ...(user.roles.includes('principal') ? [{ value: 'principal', label: label(ADDRESSEE_LABELS, 'principal') }] : []),
    ...(user.roles.includes('chair') || user.roles.includes('committee') ? [{ value: 'union', label: label(ADDRESSEE_LABELS, 'union') }] : []),
    ...(departments.data?.items ?? []).filter((d) => d.handlers.some((h) => h.userId === user.id)).map((d) => ({ value: d.id, label: d.name })),
  ];
  const select = (key: string, aria: string, opts: { value: string; label: string }[]) => (
    <Select aria-label={aria} placeholder={aria} value={filters[key]} onChange={(v?: string) => set({ [key]: v })} options={opts} allowClear data-testid={`inbox-${key}`} />
  );

  return (
    <>
      <PageHeader
        title={t('sug.inbox')}
        back={{ to: '/suggestions', label: t('sug.title') }}
        extra={
          can('suggestions.figures') && (
            <LinkButton to="/suggestions/figures" icon={<BarChartOutlined aria-hidden />}>
              {t('sug.figures')}
            </LinkButton>
          )
        }
      />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <SearchInput label={t('sug.search')} placeholder={t('sug.searchPlaceholder')} data-testid="inbox-search" {...search} />
          {select('status', t('sug.status'), options(SUGGESTION_STATUSES, SUGGESTION_STATUS_LABELS))}
          {select('category', t('sug.category'), options(SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS))}
          {mailboxes.length > 1 && select('to', t('sug.to'), mailboxes)}
          <Checkbox checked={filters.overdue === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })} data-testid="inbox-overdue">
            {t('sug.overdueOnly')}
          </Checkbox>
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<SuggestionListItem>
            {...listProps}
            label={t('sug.inbox')}
            rowKey={(s) => s.id}
            columns={columns}
            renderCard={(s) => <SuggestionCard s={s} writer />}
            onRowClick={(s) => navigate(`/suggestions/${s.id}`)}
            rowClassName={(s) => (s.overdue ? 'tx-sug-overdue' : '')}
          />
        )}
      </div>
    </>
  );
}
