import { Badge } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { useUnread } from './api';

/**
 * The 校务公开 menu icon with the 新公开 count until read. The count is decoration here (the page says
 * it in words), so it stays out of the link's accessible name.
 */
export function DisclosuresNavIcon() {
  const unread = useUnread();
  return (
    <span aria-hidden className="anticon">
      <Badge count={unread.data?.count ?? 0} size="small" offset={[6, -2]} data-testid="disclosures-nav-badge">
        <FileProtectOutlined />
      </Badge>
    </span>
  );
}
