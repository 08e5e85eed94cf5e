import { useState } from 'react';
import { Alert, Form, Modal, Typography } from 'antd';
import { password } from '../../../common/auth';
import type { UserAccount } from '../../../common/users';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { generatePassword, useResetPassword } from './api';
import { PasswordField } from './PasswordField';

/** Sets a new initial password; the user must change it at next login. Shows it once to hand over. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const [done, setDone] = useState<string | null>(null);
  const close = () => {
    setDone(null);
    onClose();
  };
  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.username }) : ''}
      okText={done ? t('common.close') : t('users.reset')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      onOk={() => (done ? close() : form.submit())}
      onCancel={close}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          title={t('users.resetDone')}
          description={
            <Typography.Text copyable strong style={{ fontSize: '1.2em' }}>
              {done}
            </Typography.Text>
          }
        />
      ) : (
        user && (
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ password: generatePassword() }}
            onFinish={(v) => reset.mutate({ id: user.id, password: v.password }, { onSuccess: () => setDone(v.password), onError: (e) => applyApiError(form, e) })}
          >
            <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.resetHint')} rules={[zodRule(password, lang)]} required>
              <PasswordField />
            </Form.Item>
          </Form>
        )
      )}
    </Modal>
  );
}
