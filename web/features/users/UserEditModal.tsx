import { Form, Modal } from 'antd';
import { roleList, type UserAccount } from '../../../common/users';
import type { Role } from '../../../common/permissions';
import { applyApiError, zodRule } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { usePrefs, useT } from '../../i18n';
import { useUpdateUser } from './api';
import { RolesField } from './RolesField';

interface Values {
  roles: Role[];
  memberId?: string | null;
}

/** Roles and the linked member of one account. */
export function UserEditModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  return (
    <Modal
      open={!!user}
      title={user ? t('users.editTitle', { name: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ roles: user.roles, memberId: user.memberId }}
          onFinish={(v) =>
            update.mutate({ id: user.id, roles: v.roles, memberId: v.memberId ?? null }, { onSuccess: onClose, onError: (e) => applyApiError(form, e) })
          }
        >
          <Form.Item name="roles" label={t('users.roles')} rules={[zodRule(roleList, lang)]} required>
            <RolesField />
          </Form.Item>
          <Form.Item name="memberId" label={t('users.member')}>
            <MemberSelect currentLabel={user.memberName} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
