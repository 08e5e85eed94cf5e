import { useT } from '../../i18n';
import { MeterBar } from './MeterBar';
import type { LiveQuorum } from './types';

/** Delegates, present, required ⌈2/3⌉ and met — the clerk's view of the live quorum (请假 is on the attendance tab). */
export function QuorumBar({ quorum, headingId = 'quorum-h' }: { quorum: LiveQuorum; headingId?: string }) {
  const t = useT();
  const { delegates, present, required, met } = quorum;
  const stats = [
    { key: 'delegates', label: t('congress.qDelegates'), value: delegates },
    { key: 'present', label: t('congress.qPresent'), value: present },
    { key: 'required', label: t('congress.qRequired'), value: required },
  ];
  return (
    <section className="tx-panel cx-quorum" aria-labelledby={headingId} data-testid="quorum">
      <h2 id={headingId} className="tx-h2">
        {t('congress.quorum')}
      </h2>
      <dl className="tx-stats">
        {stats.map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd data-testid={`quorum-${s.key}`}>{s.value}</dd>
          </div>
        ))}
        <div className={met ? 'cx-stat-ok' : 'tx-stat-bad'}>
          <dt>{t('congress.qStatus')}</dt>
          <dd data-testid="quorum-met" aria-live="polite">
            {met ? t('congress.qMet') : t('congress.qNotMet')}
          </dd>
        </div>
      </dl>
      <MeterBar value={delegates ? present / delegates : 0} line={delegates ? required / delegates : 0} ok={met} />
      {!met && delegates > 0 && <p className="cx-note">{t('congress.qNeeded', { n: required - present })}</p>}
    </section>
  );
}
