import type { ReactNode } from 'react';
import { usePageTitle } from '../../components/PageHeader';
import { LangSwitch } from '../../app/layout/LangSwitch';
import { useT } from '../../i18n';

/** Centered card for the pages seen before the app: login, setup, forced password change. */
export function AuthShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const t = useT();
  usePageTitle(title);
  return (
    <main className="tx-auth">
      <div className="tx-auth-card">
        <div className="tx-auth-head">
          <span className="tx-brand-mark" aria-hidden>
            同
          </span>
          <div>
            <div className="tx-brand-name tx-brand">{t('app.name')}</div>
            <div className="tx-tile-hint">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="tx-h1">{title}</h1>
        {subtitle && <p className="tx-tile-hint">{subtitle}</p>}
        <div style={{ marginTop: 16 }}>{children}</div>
      </div>
      <div className="tx-auth-foot">
        <LangSwitch />
      </div>
    </main>
  );
}
