import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { Link } from 'react-router';
import type { LoginResult } from '../../../common/auth';
import { api, rememberSession } from '../../app/api';
import { applyApiError } from '../../components/fieldErrors';
import { useT } from '../../i18n';
import { AuthShell } from './AuthShell';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  // On success the `me` query gets the user and GuestOnly moves on to ?next= or the 工作台.
  const login = useMutation({
    mutationFn: (v: Values) => api<LoginResult>('/api/auth/login', { method: 'POST', body: v }),
    onSuccess: rememberSession,
    onError: (e) => applyApiError(form, e),
    meta: { inlineError: true },
  });

  return (
    <AuthShell title={t('auth.loginTitle')} subtitle={t('auth.loginHint')}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {login.error && <Alert type="error" showIcon title={login.error.message} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
      <p className="tx-tile-hint" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.forgotHint')}
      </p>
      <p style={{ marginTop: 12, marginBottom: 0 }}>
        <Link to="/suggestions/receipt" data-testid="login-receipt">
          {t('sug.receipt')}
        </Link>
      </p>
    </AuthShell>
  );
}
