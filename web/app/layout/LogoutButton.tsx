import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth';
import { useT } from '../../i18n';

/** Also on the forced password change, so in a module of its own: the header's notifications stay out of it. */
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
