import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { Member } from '../../../common/members';
import { api } from '../../app/api';
import { MemberSelect } from '../../components/MemberSelect';
import { useT } from '../../i18n';
import { MEMBERS_KEY } from '../members/api';
import type { Candidate } from './types';

interface Props {
  id?: string;
  value?: Candidate[];
  onChange?: (value: Candidate[]) => void;
}

/** Candidates of an election: search the roster one at a time (MemberSelect), listed with a remove button. */
export function CandidatePicker({ id, value = [], onChange }: Props) {
  const t = useT();
  const qc = useQueryClient();
  const add = async (memberId: string | null) => {
    if (!memberId || value.some((c) => c.memberId === memberId)) return;
    // Same key as the member detail page: usually already cached from the search.
    const m = await qc.fetchQuery({ queryKey: [...MEMBERS_KEY, memberId], queryFn: () => api<Member>(`/api/members/${memberId}`) });
    onChange?.([...value, { memberId, name: m.name }]);
  };
  return (
    <div className="cx-candidates">
      <MemberSelect id={id} value={null} onChange={(v) => void add(v)} />
      {value.length > 0 && (
        <ol data-testid="candidates">
          {value.map((c) => (
            <li key={c.memberId}>
              <span>{c.name}</span>
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined aria-hidden />}
                aria-label={t('congress.removeCandidate', { name: c.name })}
                onClick={() => onChange?.(value.filter((x) => x.memberId !== c.memberId))}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
