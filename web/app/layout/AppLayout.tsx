import { lazy, Suspense } from 'react';
import { Layout } from 'antd';
import { Outlet, useMatches } from 'react-router';
import { useCan, useUser } from '../auth';
import { useT } from '../../i18n';
import { useIsPhone } from '../../components/hooks';
import { PageSpinner } from '../../components/PageSpinner';
import type { RouteHandle } from '../router';
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

  if (phone) {
    return (
      <div className="tx-phone">
        {skip}
        <header className="tx-phone-header">
          <Brand compact />
          <span className="tx-org">{user.org.name}</span>
          {/* Teachers live on the phone: the union's notices must reach them there too. */}
          <NotificationBell />
        </header>
        <main id="main" className="tx-main" tabIndex={-1}>
          {page}
        </main>
        <NavList items={TAB_NAV} className="tx-tabbar" label={t('nav.main')} />
      </div>
    );
  }

  return (
    <Layout className="tx-desktop">
      {skip}
      <Layout.Sider width={216} className="tx-sider">
        <Brand />
        <NavList items={SIDE_NAV} className="tx-sidenav" label={t('nav.main')} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="tx-header">
          <span className="tx-org">{user.org.name}</span>
          <HeaderActions />
        </Layout.Header>
        <Layout.Content id="main" className="tx-main" tabIndex={-1}>
          {page}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
