import { useEffect, useState } from 'react';
import { Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, STAFF_CATEGORIES, STAFF_CATEGORY_LABELS, TITLES, TITLE_LABELS } from '../../../common/members';
import { useDebounced } from '../../components/hooks';
import { useLabel, useT } from '../../i18n';
import { useGroups } from '../groups/api';

interface Props {
  filters: Record<string, string | undefined>;
  onChange: (patch: Record<string, string | undefined>) => void;
}

/** One search box (server-side: name, 工号, phone, pinyin initials) and four filters. */
export function MemberFilters({ filters, onChange }: Props) {
  const t = useT();
  const label = useLabel();
  const groups = useGroups();
  const [q, setQ] = useState(filters.q ?? '');
  const debounced = useDebounced(q);
  useEffect(() => {
    if ((filters.q ?? '') !== debounced) onChange({ q: debounced });
    // Only a settled search term changes the query, not every keystroke or filter change.
  }, [debounced]);

  const enumOptions = <K extends string>(values: readonly K[], map: Record<K, { zh: string; en: string }>) =>
    values.map((v) => ({ value: v, label: label(map, v) }));
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
      <Input
        className="tx-search"
        type="search"
        aria-label={t('members.search')}
        placeholder={t('members.searchPlaceholder')}
        prefix={<SearchOutlined aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        allowClear
      />
      {select('groupId', t('field.group'), (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })), groups.isPending)}
      {select('status', t('field.status'), enumOptions(MEMBER_STATUSES, MEMBER_STATUS_LABELS))}
      {select('staffCategory', t('field.staffCategory'), enumOptions(STAFF_CATEGORIES, STAFF_CATEGORY_LABELS))}
      {select('title', t('field.title'), enumOptions(TITLES, TITLE_LABELS))}
    </div>
  );
}
