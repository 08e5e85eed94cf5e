import { useT } from '../../i18n';

/** "实时" while the live stream delivers, "reconnecting" when it dropped (values may then be stale). */
export function LiveStatus({ connected, className = 'cx-live' }: { connected: boolean; className?: string }) {
  const t = useT();
  return (
    <span className={connected ? className : `${className} cx-live-off`} role="status" data-testid="live-status">
      <span className="cx-dot" aria-hidden />
      {connected ? t('congress.live') : t('congress.reconnecting')}
    </span>
  );
}
