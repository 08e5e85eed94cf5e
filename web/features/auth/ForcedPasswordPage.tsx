import { App } from 'antd';
import { useNavigate } from 'react-router';
import { LogoutButton } from '../../app/layout/LogoutButton';
import { useT } from '../../i18n';
import { AuthShell } from './AuthShell';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After the first login with an initial password (or an admin reset), nothing else opens first. */
export default function ForcedPasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <AuthShell title={t('auth.forcedTitle')} subtitle={t('auth.forcedHint')}>
      <ChangePasswordForm
        onDone={() => {
          message.success(t('auth.passwordChanged'));
          navigate('/', { replace: true });
        }}
      />
      <div style={{ marginTop: 24 }}>
        <LogoutButton block />
      </div>
    </AuthShell>
  );
}
