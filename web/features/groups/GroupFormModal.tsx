import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { groupInput, type Group } from '../../../common/groups';
import { api } from '../../app/api';
import { applyApiError, emptyToNull, zodRule } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { usePrefs, useT } from '../../i18n';
import { GROUPS_KEY } from './api';

interface Values {
  name: string;
  leaderMemberId?: string | null;
  note?: string | null;
}

/** Create (group undefined) or edit a 工会小组. */
export function GroupFormModal({ group, open, onClose }: { group?: Group; open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      group ? api<Group>(`/api/groups/${group.id}`, { method: 'PATCH', body: v }) : api<Group>('/api/groups', { method: 'POST', body: v }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: GROUPS_KEY });
      onClose();
    },
    onError: (e) => applyApiError(form, e),
  });

  return (
    <Modal
      open={open}
      title={group ? t('groups.edit') : t('groups.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={group ?? {}}
        onFinish={(v) => save.mutate(emptyToNull(v))}
      >
        <Form.Item name="name" label={t('groups.name')} rules={[zodRule(groupInput.shape.name, lang)]} required>
          <Input />
        </Form.Item>
        <Form.Item name="leaderMemberId" label={t('groups.leader')}>
          <MemberSelect currentLabel={group?.leaderName} />
        </Form.Item>
        <Form.Item name="note" label={t('groups.note')} rules={[zodRule(groupInput.shape.note, lang)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
