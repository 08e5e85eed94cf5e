import { Alert, Button, Form, Input } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { guestInput } from '../../../common/congress';
import { applyApiError, emptyToNull, zodRule } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { usePrefs, useT } from '../../i18n';
import { useAddGuest } from './mutations';
import type { SessionDetail } from './types';

interface Values {
  name: string;
  memberId?: string | null;
  note?: string | null;
}

/** 列席人员: listed in the record, never counted for quorum, never on a vote's roll. */
export function GuestsPanel({ session }: { session: SessionDetail }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const add = useAddGuest(session.id);

  const onFinish = (v: Values) => {
    const { name, memberId, note } = emptyToNull(v);
    add.mutate({ name, ...(memberId ? { memberId } : {}), ...(note ? { note } : {}) }, { onSuccess: () => form.resetFields(), onError: (e) => applyApiError(form, e) });
  };

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
            </li>
          ))}
        </ul>
      )}
      <h3 className="cx-h3">{t('congress.addGuest')}</h3>
      <Form form={form} layout="vertical" onFinish={onFinish} className="cx-guest-form">
        <Form.Item name="name" label={t('congress.guestName')} rules={[zodRule(guestInput.shape.name, lang)]} required>
          <Input autoComplete="off" data-testid="guest-name" />
        </Form.Item>
        <Form.Item name="memberId" label={t('congress.guestMember')}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="note" label={t('congress.guestNote')} rules={[zodRule(guestInput.shape.note, lang)]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Button htmlType="submit" icon={<UserAddOutlined aria-hidden />} loading={add.isPending} data-testid="guest-add">
          {t('congress.addGuest')}
        </Button>
      </Form>
    </section>
  );
}
