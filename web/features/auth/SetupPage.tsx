import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { password, username, type LoginResult } from '../../../common/auth';
import { api, rememberSession } from '../../app/api';
import { applyApiError, zodRule } from '../../components/forms';
import { LinkButton } from '../../components/LinkButton';
import { PageSpinner } from '../../components/PageSpinner';
import { usePrefs, useT } from '../../i18n';
import { AuthShell } from './AuthShell';
import { confirmRules } from './confirmRules';

interface Values {
  orgName: string;
  username: string;
  password: string;
  confirm: string;
}

/** First run: the link printed by the server (/setup?token=…) names the school and creates the admin. */
export default function SetupPage() {
  const t = useT();
  const { lang } = usePrefs();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const status = useQuery({ queryKey: ['/api/setup/status'], queryFn: () => api<{ needed: boolean }>('/api/setup/status') });
  const setup = useMutation({
    mutationFn: ({ confirm: _confirm, ...v }: Values) => api<LoginResult>('/api/setup', { method: 'POST', body: { ...v, token } }),
    onSuccess: (r) => {
      rememberSession(r);
      navigate('/', { replace: true });
    },
    onError: (e) => applyApiError(form, e),
    meta: { inlineError: true },
  });

  if (status.isPending) return <PageSpinner />;
  if (status.data && !status.data.needed) {
    return (
      <AuthShell title={t('setup.title')}>
        <Result status="success" title={t('setup.done')} extra={<LinkButton type="primary" to="/login">{t('auth.login')}</LinkButton>} />
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t('setup.title')} subtitle={t('setup.hint')}>
      {!token && <Alert type="warning" showIcon title={t('setup.noToken')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => setup.mutate(v)}>
        <Form.Item name="orgName" label={t('setup.orgName')} rules={[{ required: true, min: 2, max: 80, message: t('setup.orgNameRule') }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="username" label={t('setup.adminUsername')} rules={[zodRule(username, lang)]} required>
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordRule')} rules={[zodRule(password, lang)]} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {setup.error && <Alert type="error" showIcon title={setup.error.message} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending} disabled={!token}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
