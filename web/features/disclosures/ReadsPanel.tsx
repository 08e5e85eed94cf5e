import { App, Button, Progress } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { Disclosure } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';
import { useDisclosureWrite, useReadStatus } from './api';

/** Who of the item's audience has read it; the committee reminds the rest in the app. */
export function ReadsPanel({ item, ready }: { item: Disclosure; ready: boolean }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const status = useReadStatus(item.id, ready && (item.state === 'published' || item.state === 'archived'));
  const remind = useDisclosureWrite<void, { reminded: number }>(`/api/disclosures/${item.id}/remind`);
  if (!status.data) return null;
  const s = status.data;
  return (
    <section className="tx-panel" aria-labelledby="disclosure-reads">
      <h2 className="tx-h2" id="disclosure-reads">
        {t('disclosures.reads')}
      </h2>
      <p data-testid="disclosure-read-count">{t('disclosures.readCount', { read: s.read, audience: s.audience })}</p>
      <Progress percent={s.audience ? Math.round((s.read / s.audience) * 100) : 0} aria-label={t('disclosures.readCount', { read: s.read, audience: s.audience })} />
      {can('disclosures.write') && item.live && s.unread > 0 && (
        <Button
          icon={<BellOutlined aria-hidden />}
          loading={remind.isPending}
          onClick={() => toasted(remind.mutateAsync().then((r) => message.success(t('disclosures.reminded', { n: r.reminded }))))}
          data-testid="disclosure-remind"
          style={{ margin: '8px 0 12px' }}
        >
          {t('disclosures.remind')}
        </Button>
      )}
      <details>
        <summary>{t('disclosures.notReadList', { n: s.unread })}</summary>
        <ul className="dx-people">
          {s.notRead.map((p, i) => (
            <li key={i}>{p.name}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('disclosures.readList', { n: s.read })}</summary>
        <ul className="dx-people">
          {s.readers.map((p, i) => (
            <li key={i}>
              {p.name} <span className="dx-muted">{formatTime(p.readAt).slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
