import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../i18n';

/** Last resort for a page that threw, typically a stale chunk after a new version was deployed. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <main className="tx-center">
      <Result
        status="warning"
        title={<h1 className="tx-result-title">{t('common.pageError')}</h1>}
        subTitle={error instanceof Error ? error.message : undefined}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
        }
      />
    </main>
  );
}
