import { App, AutoComplete, Checkbox, Form, Modal } from 'antd';
import { applyApiError } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { msg } from '../../../common/i18n';
import { usePrefs, useT } from '../../i18n';
import { useAddDelegate } from './mutations';
import type { TermDetail } from './types';

interface Values {
  memberId: string | null;
  delegation?: string;
  isLeader?: boolean;
}

/**
 * 增加代表: a member, an optional 代表团 (an existing one or a new name) and the 校级领导 flag.
 * Stays open after each add, keeping the 代表团, so a delegation can be entered in one go.
 */
export function AddDelegateModal({ term, open, onClose }: { term: TermDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddDelegate(term.id);
  const typed = Form.useWatch('delegation', form) ?? '';
  const options = term.delegations
    .map((d) => d.name)
    .filter((n) => n.includes(typed.trim()))
    .map((n) => ({ value: n }));

  const onFinish = (v: Values) => {
    if (!v.memberId) return;
    const delegation = v.delegation?.trim();
    add.mutate(
      { memberId: v.memberId, ...(delegation ? { delegation } : {}), isLeader: !!v.isLeader },
      {
        onSuccess: (detail) => {
          const name = detail?.delegates.find((d) => d.memberId === v.memberId)?.name ?? '';
          message.success(t('congress.added', { name }));
          form.setFieldsValue({ memberId: null, isLeader: false });
        },
        onError: (e) => applyApiError(form, e),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('congress.addDelegate')}
      okText={t('congress.add')}
      cancelText={t('congress.done')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'delegate-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="memberId" label={t('congress.member')} rules={[{ required: true, message: msg('err.required', lang) }]}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="delegation" label={t('congress.delegation')} extra={t('congress.delegationHint')}>
          <AutoComplete options={options} allowClear maxLength={40} />
        </Form.Item>
        <Form.Item name="isLeader" valuePropName="checked">
          <Checkbox>{t('congress.isLeader')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
