import { Select } from 'antd';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, STAFF_CATEGORIES, STAFF_CATEGORY_LABELS, TITLES, TITLE_LABELS } from '../../../common/members';
import { useSearchBox } from '../../components/useSearchBox';
import { SearchInput } from '../../components/SearchInput';
import { useOptions, useT } from '../../i18n';
import { useGroups } from '../groups/api';

interface Props {
  filters: Record<string, string | undefined>;
  onChange: (patch: Record<string, string | undefined>) => void;
}

/** One search box (server-side: name, 工号, phone, pinyin initials) and four filters. */
export function MemberFilters({ filters, onChange }: Props) {
  const t = useT();
  const options = useOptions();
  const groups = useGroups();
  const search = useSearchBox(filters.q, (q) => onChange({ q }));

  const select = (key: string, aria: string, options: { value: string; label: string }[], loading = false) => (
    <Select
      aria-label={aria}
      placeholder={aria}
      value={filters[key]}
      onChange={(v?: string) => onChange({ [key]: v })}
      options={options}
      allowClear
      loading={loading}
    />
  );

  return (
    <div className="tx-filters" role="search">
      <SearchInput label={t('members.search')} placeholder={t('members.searchPlaceholder')} {...search} />
      {select('groupId', t('field.group'), (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })), groups.isPending)}
      {select('status', t('field.status'), options(MEMBER_STATUSES, MEMBER_STATUS_LABELS))}
      {select('staffCategory', t('field.staffCategory'), options(STAFF_CATEGORIES, STAFF_CATEGORY_LABELS))}
      {select('title', t('field.title'), options(TITLES, TITLE_LABELS))}
    </div>
  );
}
