import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useLogout, useUser } from '../auth';
import { usePrefs, useT } from '../../i18n';
import { NotificationBell } from '../../features/notifications/NotificationBell';

export function LangSwitch() {
  const { lang, setLang } = usePrefs();
  const next = lang === 'zh' ? 'en' : 'zh';
  // The button names the language it switches to, in that language.
  return (
    <Button type="text" lang={next === 'en' ? 'en' : 'zh-CN'} data-testid="lang-switch" onClick={() => setLang(next)}>
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}

export function LogoutButton({ block = false }: { block?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      icon={<LogoutOutlined aria-hidden />}
      block={block}
      data-testid="logout"
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
    >
      {t('auth.logout')}
    </Button>
  );
}

/** Desktop header: whose union this is, who is signed in, language, logout. */
export function HeaderActions() {
  const user = useUser();
  return (
    <div className="tx-header-actions">
      <Link to="/me" className="tx-user-link">
        {user.displayName}
      </Link>
      <NotificationBell />
      <LangSwitch />
      <LogoutButton />
    </div>
  );
}
