import { useState } from 'react';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../common/notifications';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';
import { useMarkRead, useNotifications, useUnreadCount } from './api';
import './notifications.css';

/** Header bell: unread badge; the panel lists the latest, opens their link and marks them read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const { data } = useNotifications(open);
  const mark = useMarkRead();
  const unread = count.data?.unread ?? 0;

  const openOne = (n: Notification) => {
    if (!n.readAt) mark.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const panel = (
    <div className="tx-notif" data-testid="notifications-panel">
      <div className="tx-notif-head">
        <h2 className="tx-notif-title">{t('notif.title')}</h2>
        {unread > 0 && (
          <Button size="small" type="link" onClick={() => mark.mutate('all')} data-testid="notifications-read-all">
            {t('notif.readAll')}
          </Button>
        )}
      </div>
      {!data ? (
        <Spin size="small" />
      ) : !data.items.length ? (
        <p className="tx-muted">{t('notif.empty')}</p>
      ) : (
        <ul className="tx-notif-list">
          {data.items.map((n) => (
            <li key={n.id} className={n.readAt ? '' : 'tx-notif-unread'}>
              <button type="button" className="tx-notif-item" onClick={() => openOne(n)} data-testid="notification-item">
                <span className="tx-notif-item-title">
                  {!n.readAt && <span className="tx-sr-only">{t('notif.unread')}：</span>}
                  {n.title}
                </span>
                <span className="tx-notif-body">{n.body}</span>
                <span className="tx-muted">{formatTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover content={panel} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
      <Button type="text" aria-label={t('notif.open', { n: unread })} aria-haspopup="dialog" aria-expanded={open} data-testid="notifications-bell">
        <Badge count={unread} size="small" overflowCount={99} color="#a8071a">
          <BellOutlined aria-hidden style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
