import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { guestInput } from '../../../common/congress';
import { applyApiError, emptyToNull, zodRule } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { usePrefs, useT } from '../../i18n';
import { useAddGuest, useRemoveGuest, useUpdateGuest, type GuestValues } from './mutations';
import type { Guest, SessionDetail } from './types';
import { useConfirmDanger } from './useConfirmDanger';

/** 列席人员: listed in the record, never counted for quorum, never on a vote's roll. */
export function GuestsPanel({ session }: { session: SessionDetail }) {
  const t = useT();
  const [form] = Form.useForm<GuestValues>();
  const add = useAddGuest(session.id);
  const remove = useRemoveGuest(session.id);
  const confirm = useConfirmDanger();
  const [editing, setEditing] = useState<Guest | null>(null);

  const onFinish = (v: GuestValues) => {
    const { name, memberId, note } = emptyToNull(v);
    add.mutate({ name, ...(memberId ? { memberId } : {}), ...(note ? { note } : {}) }, { onSuccess: () => form.resetFields(), onError: (e) => applyApiError(form, e) });
  };
  const onRemove = (g: Guest) => confirm({ title: t('congress.removeGuestConfirm', { name: g.name }), okText: t('congress.remove'), onOk: () => remove.mutateAsync(g.id) });

  return (
    <section aria-label={t('congress.tabGuests')}>
      <Alert type="info" showIcon className="cx-alert" title={t('congress.guestsNote')} data-testid="guests-note" />
      {session.guests.length === 0 ? (
        <p>{t('congress.noGuests')}</p>
      ) : (
        <ul className="tx-cards cx-guests" data-testid="guests">
          {session.guests.map((g) => (
            <li key={g.id} className="tx-card">
              <div className="tx-card-title">{g.name}</div>
              {g.note && <div className="tx-card-meta">{g.note}</div>}
              <div className="tx-card-actions">
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(g)} aria-label={t('congress.editGuestNamed', { name: g.name })} data-testid="guest-edit">
                  {t('common.edit')}
                </Button>
                <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => onRemove(g)} aria-label={t('congress.removeGuestNamed', { name: g.name })} data-testid="guest-remove">
                  {t('congress.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3 className="cx-h3">{t('congress.addGuest')}</h3>
      <Form form={form} name="guest-add" layout="vertical" onFinish={onFinish} className="cx-guest-form">
        <GuestFields />
        <Button htmlType="submit" icon={<UserAddOutlined aria-hidden />} loading={add.isPending} data-testid="guest-add">
          {t('congress.addGuest')}
        </Button>
      </Form>
      {editing && <GuestModal sessionId={session.id} guest={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** `memberName` labels an already linked member record, which may not be among the search results. */
function GuestFields({ memberName }: { memberName?: string | null }) {
  const t = useT();
  const { lang } = usePrefs();
  return (
    <>
      <Form.Item name="name" label={t('congress.guestName')} rules={[zodRule(guestInput.shape.name, lang)]} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="memberId" label={t('congress.guestMember')}>
        <MemberSelect currentLabel={memberName} />
      </Form.Item>
      <Form.Item name="note" label={t('congress.guestNote')} rules={[zodRule(guestInput.shape.note, lang)]}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
    </>
  );
}

/** 编辑列席人员: the same fields; emptied ones are cleared. */
function GuestModal({ sessionId, guest, onClose }: { sessionId: string; guest: Guest; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<GuestValues>();
  const update = useUpdateGuest(sessionId);
  const onFinish = (v: GuestValues) => {
    const { name, memberId = null, note = null } = emptyToNull(v);
    update.mutate({ guestId: guest.id, name, memberId, note }, { onSuccess: onClose, onError: (e) => applyApiError(form, e) });
  };
  return (
    <Modal
      open
      title={t('congress.editGuest')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'guest-save' }}
      destroyOnHidden
    >
      <Form form={form} name="guest-edit" layout="vertical" initialValues={{ name: guest.name, memberId: guest.memberId, note: guest.note }} onFinish={onFinish}>
        <GuestFields memberName={guest.memberId ? guest.name : null} />
      </Form>
    </Modal>
  );
}
