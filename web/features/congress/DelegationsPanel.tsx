import { Select } from 'antd';
import { useCan } from '../../app/auth';
import { useT } from '../../i18n';
import { useSetDelegationHead } from './mutations';
import type { TermDetail } from './types';

/** 代表团 with their size and 团长; managers pick the head among the delegation's own delegates. */
export function DelegationsPanel({ term }: { term: TermDetail }) {
  const t = useT();
  const can = useCan();
  const setHead = useSetDelegationHead(term.id);
  const manager = can('congress.manage');
  const unassigned = term.delegates.filter((d) => !d.delegationId).length;

  return (
    <section className="tx-panel" aria-labelledby="delegations">
      <h2 id="delegations" className="tx-h2">
        {t('congress.delegationsN', { n: term.delegations.length })}
      </h2>
      {term.delegations.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : (
        <ul className="cx-delegations" data-testid="delegations">
          {term.delegations.map((g) => {
            const members = term.delegates.filter((d) => d.delegationId === g.id);
            return (
              <li key={g.id} className="tx-card">
                <div className="tx-card-title">
                  <span>{g.name}</span>
                  <span className="cx-muted">{t('congress.peopleN', { n: members.length })}</span>
                </div>
                <div className="cx-head-row">
                  <span aria-hidden={manager}>{t('congress.head')}</span>
                  {manager ? (
                    <Select
                      aria-label={t('congress.headOf', { name: g.name })}
                      value={g.headMemberId ?? undefined}
                      onChange={(v?: string) => setHead.mutate({ delegationId: g.id, headMemberId: v ?? null })}
                      options={members.map((d) => ({ value: d.memberId, label: d.name }))}
                      allowClear
                      placeholder="—"
                      className="cx-head-select"
                    />
                  ) : (
                    <span>{g.headName ?? '—'}</span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {unassigned > 0 && (
        <p className="cx-note">{t('congress.unassigned', { n: unassigned })}</p>
      )}
    </section>
  );
}
