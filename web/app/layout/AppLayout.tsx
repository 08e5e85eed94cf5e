import { lazy, Suspense } from 'react';
import { Outlet, useMatches } from 'react-router';
import { useCan, useUser } from '../auth';
import { useT } from '../../i18n';
import { useIsPhone } from '../../components/hooks';
import { PageSpinner } from '../../components/PageSpinner';
import type { RouteHandle } from '../routes';
import { Brand } from './Brand';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { HeaderActions } from './HeaderActions';
import { NavList } from './NavList';
import { SIDE_NAV, TAB_NAV } from './nav';

// Rarely seen, and its illustration is heavy: not on the first screen.
const StatusResult = lazy(() => import('../../components/StatusResult').then((m) => ({ default: m.StatusResult })));

function Forbidden() {
  const t = useT();
  return (
    <Suspense fallback={<PageSpinner />}>
      <StatusResult status="403" title={t('common.forbidden')} hint={t('common.forbiddenHint')} />
    </Suspense>
  );
}

/** Signed-in shell: side menu + header on desktop, slim header + bottom tabs on a phone. */
export default function AppLayout() {
  const t = useT();
  const user = useUser();
  const can = useCan();
  const phone = useIsPhone();
  const matches = useMatches();
  const allowed = matches.every((m) => {
    const p = (m.handle as RouteHandle | undefined)?.permission;
    return !p || can(p);
  });
  const page = allowed ? <Outlet /> : <Forbidden />;
  const skip = (
    <a href="#main" className="tx-skip">
      {t('nav.skip')}
    </a>
  );

  // One tree for both layouts, the page at the same place in it: crossing the phone breakpoint (a tablet
  // turned, a window resized, a full-page capture) re-lays the shell out without remounting the page and
  // losing what was typed in it.
  return (
    <div className={phone ? 'tx-shell tx-phone' : 'tx-shell tx-desktop'}>
      {skip}
      {phone ? null : (
        <aside className="tx-sider">
          <Brand />
          <NavList groups={SIDE_NAV} className="tx-sidenav" label={t('nav.main')} />
        </aside>
      )}
      <div className="tx-column">
        {phone ? (
          <header className="tx-phone-header">
            <Brand compact />
            <span className="tx-org">{user.org.name}</span>
            {/* Teachers live on the phone: the union's notices must reach them there too. */}
            <NotificationBell />
          </header>
        ) : (
          <header className="tx-header">
            <span className="tx-org">{user.org.name}</span>
            <HeaderActions />
          </header>
        )}
        <main id="main" className="tx-main" tabIndex={-1}>
          {page}
        </main>
      </div>
      {phone ? <NavList items={TAB_NAV} className="tx-tabbar" label={t('nav.main')} /> : null}
    </div>
  );
}
