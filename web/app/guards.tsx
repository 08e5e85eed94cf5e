import { Button } from 'antd';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { Problem } from '../components/Problem';
import { useT } from '../i18n';
import { useMe } from './auth';

/**
 * Signed-in area. Someone who must change an initial password is held on /change-password
 * (`passwordChange` marks that page), everyone else is kept away from it.
 */
export function RequireAuth({ passwordChange = false }: { passwordChange?: boolean }) {
  const t = useT();
  const { data: user, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageSpinner />;
  if (error) return <Problem title={t('common.loadFailed')} detail={error.message} action={<Button onClick={() => refetch()}>{t('common.retry')}</Button>} />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword !== passwordChange) return <Navigate to={passwordChange ? '/' : '/change-password'} replace />;
  return <Outlet />;
}

/** Only an internal path is followed after login, never an absolute URL (open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function GuestOnly() {
  const { data: user, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <PageSpinner />;
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
