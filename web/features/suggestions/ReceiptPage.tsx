import './suggestions.css';
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input } from 'antd';
import { Link } from 'react-router';
import { SUGGESTION_CATEGORY_LABELS, type ReceiptView } from '../../../common/suggestions';
import { ApiError } from '../../app/apiError';
import { useLabel, useT } from '../../i18n';
import { AuthShell } from '../auth/AuthShell';
import { readReceipt, useToLabel, writeBackByReceipt } from './api';
import { StatusTags, Thread } from './parts';

/**
 * /suggestions/receipt, without signing in: the anonymous writer types the receipt code, reads the
 * replies and writes back. The code lives in this page's memory only, never in the address bar.
 */
export default function ReceiptPage() {
  const t = useT();
  const [code, setCode] = useState<string | null>(null);
  const [view, setView] = useState<ReceiptView | null>(null);
  return (
    <AuthShell title={t('sug.receipt')}>
      <div className="tx-receipt">
        {view && code ? (
          <Found code={code} view={view} onChange={setView} onAnother={() => (setView(null), setCode(null))} />
        ) : (
          <Lookup onFound={(c, v) => (setCode(c), setView(v))} />
        )}
        <p style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/login">{t('sug.toLogin')}</Link>
        </p>
      </div>
    </AuthShell>
  );
}

function Lookup({ onFound }: { onFound: (code: string, view: ReceiptView) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      onFound(code, await readReceipt(code.trim()));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" requiredMark={false} onFinish={onFinish}>
      <Form.Item name="code" label={t('sug.code')} extra={t('sug.codeHint')} rules={[{ required: true, whitespace: true, message: t('sug.code') }]}>
        <Input className="tx-receipt-input" size="large" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX-XXXX-XXXX" data-testid="receipt-input" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="receipt-lookup">
        {t('sug.lookup')}
      </Button>
    </Form>
  );
}

function Found({ code, view, onChange, onAnother }: { code: string; view: ReceiptView; onChange: (v: ReceiptView) => void; onAnother: () => void }) {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const send = async ({ body }: { body: string }) => {
    setBusy(true);
    try {
      onChange(await writeBackByReceipt(code, body));
      form.resetFields();
      message.success(t('sug.writeBackSent'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="receipt-view">
      <h2 className="tx-h2">{view.title}</h2>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'status', label: t('sug.status'), children: <StatusTags status={view.status} /> },
          { key: 'to', label: t('sug.to'), children: toLabel(view.to) },
          { key: 'category', label: t('sug.category'), children: label(SUGGESTION_CATEGORY_LABELS, view.category) },
          { key: 'date', label: t('sug.date'), children: view.receivedOn },
          ...(view.proposal ? [{ key: 'proposal', label: t('sug.proposal'), children: view.proposal.title }] : []),
          ...(view.onWall ? [{ key: 'wall', label: t('sug.wall'), children: t('sug.onWall') }] : []),
        ]}
      />
      <p className="tx-sug-prose tx-sug-body">{view.content}</p>
      <h3 className="tx-sug-h3">{t('sug.thread')}</h3>
      <Thread messages={view.messages} />
      {view.status === 'closed' ? (
        <p className="tx-sug-muted">{t('sug.closedNoMore')}</p>
      ) : (
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item name="body" label={t('sug.writeBack')} rules={[{ required: true, whitespace: true, message: t('sug.writeBack') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="receipt-message" />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="receipt-send">
            {t('sug.send')}
          </Button>
        </Form>
      )}
      <Button type="link" onClick={onAnother} style={{ paddingInline: 0, marginTop: 8 }}>
        {t('sug.otherCode')}
      </Button>
    </div>
  );
}
