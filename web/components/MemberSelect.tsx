import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { Page } from '../../common/api';
import type { Member } from '../../common/members';
import { api } from '../app/api';
import { useT } from '../i18n';
import { useDebounced } from './hooks';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Label of the current value, which may not be among the search results. */
  currentLabel?: string | null;
}

export const memberLabel = (m: Pick<Member, 'name' | 'employeeNo'>) => `${m.name}（${m.employeeNo}）`;

/** Picks one member by searching the roster server-side (name, 工号, phone or pinyin initials). */
export function MemberSelect({ id, value, onChange, currentLabel }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const { data, isFetching } = useQuery({
    queryKey: ['/api/members', 'picker', q], // under the members key, so member writes refresh it
    queryFn: () => api<Page<Member>>('/api/members', { query: { q, pageSize: 20 } }),
  });
  const options = (data?.items ?? []).map((m) => ({ value: m.id, label: memberLabel(m) }));
  if (value && currentLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: currentLabel });

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      loading={isFetching}
      placeholder={t('members.searchPlaceholder')}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={t('common.empty')}
    />
  );
}
