import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div className="tx-center" role="status" aria-live="polite">
      <Spin size="large" />
    </div>
  );
}
