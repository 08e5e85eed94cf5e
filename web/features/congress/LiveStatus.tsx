import { useT } from '../../i18n';
import type { LiveState } from './useSessionLive';

const TEXT = { connecting: 'congress.connecting', live: 'congress.live', lost: 'congress.reconnecting' } as const;
const TONE = { connecting: 'cx-live-wait', live: '', lost: 'cx-live-off' } as const;

/** "实时" while the live stream delivers; "connecting" before its first event; "reconnecting" when it dropped. */
export function LiveStatus({ state, className = 'cx-live' }: { state: LiveState; className?: string }) {
  const t = useT();
  return (
    <span className={`${className} ${TONE[state]}`.trim()} role="status" data-testid="live-status">
      <span className="cx-dot" aria-hidden />
      {t(TEXT[state])}
    </span>
  );
}
