import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { password, type LoginResult } from '../../../common/auth';
import { api, rememberSession } from '../../app/api';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { confirmRules } from './confirmRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Used by the forced change after first login and by 我的 → 修改密码. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api<LoginResult>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: (r) => {
      rememberSession(r);
      form.resetFields();
      onDone();
    },
    onError: (e) => applyApiError(form, e),
  });

  return (
    <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} style={{ maxWidth: 420 }}>
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={[zodRule(password, lang)]} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={confirmRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('auth.changePassword')}
      </Button>
    </Form>
  );
}
