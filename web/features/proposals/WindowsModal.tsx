import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Modal, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Page } from '../../../common/api';
import { api } from '../../app/api';
import { applyApiError } from '../../components/forms';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { dateProps } from '../congress/forms';
import type { SessionSummary } from '../congress/types';
import { useSetWindow, useWindows } from './api';

interface Values {
  sessionId: string;
  opensOn: string;
  closesOn: string;
}

/** 征集时间: one collection window per session, set and changed by the committee. */
export function WindowsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const windows = useWindows();
  const save = useSetWindow();
  // Every session of every term: a window can be set before anyone has written a proposal.
  const sessions = useQuery({ queryKey: ['/api/congress/sessions', {}], queryFn: () => api<Page<SessionSummary>>('/api/congress/sessions'), enabled: open });
  const items = windows.data?.items ?? [];

  const onFinish = (v: Values) =>
    save.mutate(v, {
      onSuccess: () => {
        message.success(t('common.saved'));
        form.resetFields();
      },
      onError: (e) => applyApiError(form, e),
    });

  return (
    <Modal open={open} title={t('proposals.windows')} onCancel={onClose} footer={null} destroyOnHidden>
      <p className="tx-muted">{t('proposals.windowsHint')}</p>
      {items.length === 0 ? (
        <p>{t('proposals.noWindows')}</p>
      ) : (
        <ul className="tx-plain-list" data-testid="proposal-windows">
          {items.map((w) => (
            <li key={w.sessionId} className="tx-window-row">
              <span>
                {t('proposals.windowOf', { name: w.sessionName, from: w.opensOn, to: w.closesOn })}{' '}
                <ToneTag tone={w.open ? 'green' : 'grey'}>{w.open ? t('proposals.windowOpen') : t('proposals.windowShut')}</ToneTag>
              </span>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('proposals.editWindow', { name: w.sessionName })}
                onClick={() => form.setFieldsValue({ sessionId: w.sessionId, opensOn: w.opensOn, closesOn: w.closesOn })}
              />
            </li>
          ))}
        </ul>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} aria-label={t('proposals.setWindow')}>
        <h3 className="tx-h3">{t('proposals.setWindow')}</h3>
        <Form.Item name="sessionId" label={t('field.session')} rules={[{ required: true, message: t('field.session') }]}>
          <Select
            data-testid="window-session"
            loading={sessions.isFetching}
            options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.date}）` }))}
          />
        </Form.Item>
        <div className="tx-form-row">
          <Form.Item name="opensOn" label={t('field.opensOn')} rules={[{ required: true, message: t('field.opensOn') }]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="window-opens" />
          </Form.Item>
          <Form.Item name="closesOn" label={t('field.closesOn')} rules={[{ required: true, message: t('field.closesOn') }]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="window-closes" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="window-save">
          {t('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
