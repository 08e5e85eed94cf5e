import type { ReactNode } from 'react';
import { App, Button, Form, Input, Popconfirm } from 'antd';
import { CheckOutlined, DeleteOutlined, EditOutlined, InboxOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { DISCLOSURE_ACTION_LABELS, type Disclosure } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { useLabel, useT } from '../../i18n';
import { useDisclosureWrite } from './api';

/** The steps the viewer may take now, as the server allows them (it checks again, own items included). */
export function WorkflowPanel({ item }: { item: Disclosure }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const path = `/api/disclosures/${item.id}`;
  const submit = useDisclosureWrite(`${path}/submit`);
  const withdraw = useDisclosureWrite(`${path}/withdraw`);
  const approve = useDisclosureWrite(`${path}/approve`);
  const sendBack = useDisclosureWrite<{ comment: string }>(`${path}/return`);
  const archive = useDisclosureWrite(`${path}/archive`);
  const remove = useDisclosureWrite<void, void>(path, 'DELETE');
  const write = can('disclosures.write');
  const review = can('disclosures.review') && item.state === 'submitted';
  const done = (p: Promise<unknown>) => toasted(p.then(() => message.success(t('common.saved'))));

  const confirm = (title: string, onConfirm: () => void, button: ReactNode) => (
    <Popconfirm title={title} okText={t('common.yes')} cancelText={t('common.cancel')} onConfirm={onConfirm}>
      {button}
    </Popconfirm>
  );

  const writerActions = write && (
    <div className="dx-actions">
      {item.state === 'draft' && (
        <>
          <LinkButton to={`/disclosures/${item.id}/edit`} icon={<EditOutlined aria-hidden />} data-testid="disclosure-edit">
            {t('common.edit')}
          </LinkButton>
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.isPending} onClick={() => done(submit.mutateAsync(undefined))} data-testid="disclosure-submit">
            {t('disclosures.submit')}
          </Button>
          {confirm(
            t('disclosures.deleteConfirm'),
            () => toasted(remove.mutateAsync().then(() => navigate('/disclosures/manage', { replace: true }))),
            <Button danger icon={<DeleteOutlined aria-hidden />}>
              {t('disclosures.deleteDraft')}
            </Button>,
          )}
        </>
      )}
      {(item.state === 'submitted' || item.state === 'approved') &&
        confirm(
          t('disclosures.withdrawConfirm'),
          () => done(withdraw.mutateAsync(undefined)),
          <Button icon={<RollbackOutlined aria-hidden />} data-testid="disclosure-withdraw">
            {t('disclosures.withdraw')}
          </Button>,
        )}
      {item.state === 'published' &&
        confirm(
          t('disclosures.archiveConfirm'),
          () => done(archive.mutateAsync(undefined)),
          <Button icon={<InboxOutlined aria-hidden />} data-testid="disclosure-archive">
            {t('disclosures.archive')}
          </Button>,
        )}
    </div>
  );

  if (!writerActions && !review) return null;
  return (
    <section className="tx-panel" aria-labelledby="disclosure-work">
      <h2 className="tx-h2" id="disclosure-work">
        {t('common.actions')}
      </h2>
      {writerActions}
      {review && (
        <>
          <p className="dx-muted">{t('disclosures.reviewHint')}</p>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={approve.isPending} onClick={() => done(approve.mutateAsync(undefined))} data-testid="disclosure-approve">
            {t('disclosures.approve')}
          </Button>
          <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => done(sendBack.mutateAsync(v).then(() => form.resetFields()))}>
            <Form.Item name="comment" label={t('disclosures.returnComment')} rules={[{ required: true, whitespace: true, message: t('disclosures.returnComment') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="disclosure-return-comment" />
            </Form.Item>
            <Button danger htmlType="submit" icon={<RollbackOutlined aria-hidden />} loading={sendBack.isPending} data-testid="disclosure-return">
              {t('disclosures.returnSend')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

/** Each step of the review, with the 监督小组's comments. */
export function HistoryPanel({ item }: { item: Disclosure }) {
  const t = useT();
  const label = useLabel();
  if (!item.history?.length) return null;
  return (
    <section className="tx-panel" aria-labelledby="disclosure-history">
      <h2 className="tx-h2" id="disclosure-history">
        {t('disclosures.history')}
      </h2>
      <ol className="dx-history" data-testid="disclosure-history">
        {item.history.map((e, i) => (
          <li key={i}>
            <div>
              <strong>{label(DISCLOSURE_ACTION_LABELS, e.action)}</strong> · {e.userName ?? '—'}
            </div>
            <div className="dx-muted">{formatTime(e.at)}</div>
            {e.comment && e.action === 'return' && <p className="tx-prose">{e.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
