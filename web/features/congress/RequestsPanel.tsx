import { useState } from 'react';
import { App, Button, Form, Input, Modal, Progress } from 'antd';
import { CheckCircleFilled, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { extraSessionRequestInput } from '../../../common/congress';
import { useUser } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError, zodRule } from '../../components/forms';
import { formatTime } from '../../components/format';
import { ToneTag } from '../../components/ToneTag';
import { usePrefs, useT } from '../../i18n';
import { useRequests } from './api';
import { useCreateRequest, useSignRequest } from './mutations';
import type { ExtraSessionRequest, TermDetail } from './types';

/**
 * 临时会议提议: a delegate starts one, others co-sign; the bar shows signatures against the one third
 * needed, and the chair is notified by the server once it is reached.
 */
export function RequestsPanel({ term }: { term: TermDetail }) {
  const t = useT();
  const user = useUser();
  const requests = useRequests(term.id);
  const [starting, setStarting] = useState(false);
  const isDelegate = !!user.memberId && term.delegates.some((d) => d.memberId === user.memberId);

  return (
    <section className="tx-panel" aria-labelledby="requests" data-testid="requests">
      <div className="cx-section-head">
        <h2 id="requests" className="tx-h2">
          {t('congress.requests')}
        </h2>
        {isDelegate && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setStarting(true)} data-testid="request-new">
            {t('congress.newRequest')}
          </Button>
        )}
      </div>
      <p className="cx-note">
        {t('congress.requestsHint')}
        {!isDelegate && ` ${t('congress.onlyDelegatesRequest')}`}
      </p>
      {requests.error ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : requests.data?.length === 0 ? (
        <p>{t('congress.noRequests')}</p>
      ) : (
        <ul className="tx-cards cx-requests">
          {requests.data?.map((r) => (
            <li key={r.id} className="tx-card">
              <RequestCard termId={term.id} request={r} canSign={isDelegate} />
            </li>
          ))}
        </ul>
      )}
      {starting && <RequestModal termId={term.id} onClose={() => setStarting(false)} />}
    </section>
  );
}

function RequestCard({ termId, request: r, canSign }: { termId: string; request: ExtraSessionRequest; canSign: boolean }) {
  const t = useT();
  const sign = useSignRequest(termId);
  const reached = r.signers >= r.needed;
  return (
    <article aria-label={r.reason} data-testid="request">
      <p className="tx-card-title cx-request-reason">{r.reason}</p>
      <p className="cx-muted">{t('congress.requestedOn', { date: formatTime(r.createdAt).slice(0, 10) })}</p>
      <p className="cx-request-count" data-testid="request-signers">
        {t('congress.signersOf', { signers: r.signers, needed: r.needed })}
      </p>
      <Progress percent={Math.min(100, Math.round((r.signers / Math.max(r.needed, 1)) * 100))} showInfo={false} status={reached ? 'success' : 'normal'} aria-hidden />
      <div className="tx-card-actions">
        {r.chairNotified && (
          <ToneTag tone="green">
            <CheckCircleFilled aria-hidden /> {t('congress.chairNotified')}
          </ToneTag>
        )}
        {r.signedByMe ? (
          <ToneTag tone="blue">{t('congress.signedByMe')}</ToneTag>
        ) : (
          canSign && (
            <Button
              type="primary"
              icon={<EditOutlined aria-hidden />}
              loading={sign.isPending}
              onClick={() => sign.mutate(r.id)}
              aria-label={t('congress.signNamed', { reason: r.reason })}
              className="cx-touch"
              data-testid="request-sign"
            >
              {t('congress.sign')}
            </Button>
          )
        )}
      </div>
    </article>
  );
}

function RequestModal({ termId, onClose }: { termId: string; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const create = useCreateRequest(termId);
  const onFinish = ({ reason }: { reason: string }) =>
    create.mutate(reason, {
      onSuccess: () => {
        message.success(t('congress.requestStarted'));
        onClose();
      },
      onError: (e) => applyApiError(form, e),
    });
  return (
    <Modal
      open
      title={t('congress.newRequest')}
      okText={t('congress.newRequest')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'request-save' }}
      destroyOnHidden
    >
      <p className="cx-note">{t('congress.requestsHint')}</p>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('congress.requestReason')} rules={[zodRule(extraSessionRequestInput.shape.reason, lang)]} required>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('congress.requestReasonPh')} data-testid="request-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
