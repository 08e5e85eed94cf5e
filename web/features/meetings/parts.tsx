import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Select } from 'antd';
import type { Page } from '../../../common/api';
import type { Member } from '../../../common/members';
import { api } from '../../app/api';
import { useDebounced } from '../../components/hooks';
import { memberLabel } from '../../components/MemberSelect';
import { useT } from '../../i18n';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Names of members already chosen, which the search results may not hold. */
  known: Map<string, string>;
}

/** Picks attending members by searching the roster; one button adds every retiree at once. */
export function AttendeesSelect({ id, value = [], onChange, known }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const found = useQuery({
    queryKey: ['/api/members', 'picker', q],
    queryFn: () => api<Page<Member>>('/api/members', { query: { q, pageSize: 20 } }),
  });
  const [adding, setAdding] = useState(false);
  for (const m of found.data?.items ?? []) known.set(m.id, memberLabel(m));
  const options = [...new Set([...value, ...(found.data?.items ?? []).map((m) => m.id)])].map((v) => ({ value: v, label: known.get(v) ?? v }));

  const addRetirees = async () => {
    setAdding(true);
    try {
      const retirees = await api<Page<Member>>('/api/members', { query: { status: 'retired', pageSize: 200 } });
      for (const m of retirees.items) known.set(m.id, memberLabel(m));
      onChange?.([...new Set([...value, ...retirees.items.map((m) => m.id)])]);
    } finally {
      setAdding(false);
    }
  };

  return (
    <>
      <Select
        id={id}
        mode="multiple"
        value={value}
        onChange={(v) => onChange?.(v)}
        options={options}
        filterOption={false}
        onSearch={setSearch}
        showSearch
        loading={found.isFetching}
        placeholder={t('members.searchPlaceholder')}
        notFoundContent={null}
        data-testid="meeting-members"
      />
      <Button size="small" type="link" onClick={addRetirees} loading={adding} data-testid="meeting-add-retirees">
        {t('mtg.addRetirees')}
      </Button>
    </>
  );
}
