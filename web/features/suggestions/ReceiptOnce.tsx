import { useRef, useState } from 'react';
import { Alert, App, Button } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n';

/** Copies the text, or (where the clipboard API is missing, as in some in-app browsers) selects it for a long-press copy. */
async function copyText(text: string, el: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = window.getSelection();
    if (!el || !selection) return false;
    const range = document.createRange();
    range.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand('copy');
  }
}

/** The anonymous writer's receipt code: large, with a copy button and the warning that it is shown once. */
export function ReceiptOnce({ code }: { code: string }) {
  const t = useT();
  const { message } = App.useApp();
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const ok = await copyText(code, ref.current);
    setCopied(ok);
    if (ok) message.success(t('sug.copied'));
    else message.warning(t('sug.copyFailed'));
  };
  return (
    <section className="tx-receipt-once" aria-labelledby="receipt-title" data-testid="sug-receipt-once">
      <h2 className="tx-h2" id="receipt-title">
        {t('sug.receiptTitle')}
      </h2>
      <Alert type="warning" showIcon title={t('sug.receiptOnce')} description={t('sug.receiptOnceHint')} style={{ textAlign: 'left' }} />
      <p className="tx-sug-muted" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('sug.yourReceipt')}
      </p>
      <code className="tx-receipt-code" ref={ref} data-testid="sug-receipt-code">
        {code}
      </code>
      <div className="tx-sug-actions" style={{ justifyContent: 'center' }}>
        <Button type="primary" size="large" icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />} onClick={copy} data-testid="sug-copy">
          {copied ? t('sug.copied') : t('sug.copy')}
        </Button>
        <LinkButton to="/suggestions/receipt" size="large">
          {t('sug.openReceipt')}
        </LinkButton>
        <LinkButton to="/suggestions" size="large">
          {t('sug.back')}
        </LinkButton>
      </div>
    </section>
  );
}
