import { Button, Result } from 'antd';
import { useT } from '../i18n';
import { ApiError } from '../app/apiError';

/** A failed load: the server's (localized) message and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'warning'}
      title={notFound ? t('common.notFound') : t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={onRetry && !notFound ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
