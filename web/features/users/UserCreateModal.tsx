import { Form, Input, Modal, Switch } from 'antd';
import { password, username } from '../../../common/auth';
import { roleList } from '../../../common/users';
import type { Role } from '../../../common/permissions';
import { applyApiError, zodRule } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { usePrefs, useT } from '../../i18n';
import { generatePassword, useCreateUser } from './api';
import { PasswordField } from './PasswordField';
import { RolesField } from './RolesField';

interface Values {
  username: string;
  password: string;
  memberId?: string | null;
  roles: Role[];
  mustChangePassword: boolean;
}

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  return (
    <Modal
      open={open}
      title={t('users.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ roles: ['member'], mustChangePassword: true, password: generatePassword() }}
        onFinish={(v) => create.mutate({ ...v, memberId: v.memberId ?? null }, { onSuccess: onClose, onError: (e) => applyApiError(form, e) })}
      >
        <Form.Item name="username" label={t('auth.username')} rules={[zodRule(username, lang)]} required>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('users.initialPassword')} extra={t('auth.passwordRule')} rules={[zodRule(password, lang)]} required>
          <PasswordField />
        </Form.Item>
        <Form.Item name="memberId" label={t('users.member')} extra={t('users.memberHint')}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[zodRule(roleList, lang)]} required>
          <RolesField />
        </Form.Item>
        <Form.Item name="mustChangePassword" label={t('users.mustChange')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
