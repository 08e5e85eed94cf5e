import { Button } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../i18n';
import { Problem } from './Problem';

/** Last resort for a page that threw, typically a stale chunk after a new version was deployed. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <main className="tx-center">
      <Problem
        title={<h1 className="tx-result-title">{t('common.pageError')}</h1>}
        detail={error instanceof Error ? error.message : undefined}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
        }
      />
    </main>
  );
}
