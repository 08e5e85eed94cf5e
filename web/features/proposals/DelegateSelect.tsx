import { Select } from 'antd';
import { useUser } from '../../app/auth';
import { useT } from '../../i18n';
import { useSession, useTerm } from '../congress/api';

interface Props {
  id?: string;
  sessionId: string | undefined;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Already invited: shown, not removable here (the server keeps invitations). */
  locked?: string[];
}

/**
 * Picks co-signers among the delegates of the session's term (the server accepts no one else).
 * Reads the term's roster, which every delegate may see, rather than the member roster, which
 * only the union office may search.
 */
export function DelegateSelect({ id, sessionId, value, onChange, locked = [] }: Props) {
  const t = useT();
  const user = useUser();
  const session = useSession(sessionId);
  const term = useTerm(session.data?.termId);
  const options = (term.data?.delegates ?? [])
    .filter((d) => d.memberId !== user.memberId)
    .map((d) => ({ value: d.memberId, label: d.department ? `${d.name}（${d.department}）` : d.name, disabled: locked.includes(d.memberId) }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v: string[]) => onChange?.([...new Set([...locked, ...v])])}
      options={options}
      loading={session.isFetching || term.isFetching}
      disabled={!sessionId}
      optionFilterProp="label"
      placeholder={t('members.searchPlaceholder')}
      notFoundContent={t('common.empty')}
      data-testid="proposal-cosigners"
    />
  );
}
