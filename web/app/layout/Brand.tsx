import { Link } from 'react-router';
import { useT } from '../../i18n';

/** The 同 mark and the product name; the org name sits beside it in the header. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <Link to="/" className="tx-brand" aria-label={compact ? t('nav.home', { app: t('app.name') }) : undefined}>
      <span className="tx-brand-mark" aria-hidden>
        同
      </span>
      {!compact && <span className="tx-brand-name">{t('app.name')}</span>}
    </Link>
  );
}
