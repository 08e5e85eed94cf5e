import { Input, Select } from 'antd';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS } from '../../../common/proposals';
import { useSearchBox } from '../../components/useSearchBox';
import { SearchInput } from '../../components/SearchInput';
import { useOptions, useT } from '../../i18n';
import { useWindows } from './api';

interface Props {
  filters: Record<string, string | undefined>;
  onChange: (patch: Record<string, string | undefined>) => void;
  committee: boolean;
}

/** Search over title and text; category, session; department for the committee (state and overdue are the tabs). */
export function ProposalFilters({ filters, onChange, committee }: Props) {
  const t = useT();
  const options = useOptions();
  const windows = useWindows();
  const search = useSearchBox(filters.q, (q) => onChange({ q }));
  const department = useSearchBox(filters.department, (v) => onChange({ department: v }));

  const select = (key: string, aria: string, opts: { value: string; label: string }[], testid: string) => (
    <Select
      aria-label={aria}
      placeholder={aria}
      value={filters[key]}
      onChange={(v?: string) => onChange({ [key]: v })}
      options={opts}
      allowClear
      data-testid={testid}
    />
  );

  return (
    <div className="tx-filters" role="search">
      <SearchInput label={t('proposals.search')} placeholder={t('proposals.searchPlaceholder')} data-testid="proposals-search" {...search} />
      {select('category', t('field.category'), options(PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS), 'proposals-category')}
      {select('sessionId', t('field.session'), (windows.data?.items ?? []).map((w) => ({ value: w.sessionId, label: w.sessionName })), 'proposals-session')}
      {committee && (
        <Input className="tx-filter-dept" aria-label={t('proposals.department')} placeholder={t('proposals.department')} data-testid="proposals-department" {...department} allowClear />
      )}
    </div>
  );
}
