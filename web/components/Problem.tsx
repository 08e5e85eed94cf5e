import type { ReactNode } from 'react';
import { WarningFilled } from '@ant-design/icons';

/**
 * antd's warning Result, drawn here: the entry shows it (no answer about the session, a page that
 * threw), and Result's 403/404/500 illustrations would put ~10 KB gzipped on every first screen.
 */
export function Problem({ title, detail, action }: { title: ReactNode; detail?: string; action?: ReactNode }) {
  return (
    <div className="tx-problem">
      <div className="tx-problem-icon">
        <WarningFilled aria-hidden />
      </div>
      <div className="tx-problem-title">{title}</div>
      {detail && <div className="tx-problem-detail">{detail}</div>}
      {action && <div className="tx-problem-action">{action}</div>}
    </div>
  );
}
