import { Button, Result } from 'antd';
import { useT } from '../i18n';
import { ApiError } from '../app/apiError';
import { Problem } from './Problem';

/** A failed load: the server's (localized) message and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = error instanceof Error ? error.message : undefined;
  if (error instanceof ApiError && error.status === 404) return <Result status="404" title={t('common.notFound')} subTitle={message} />;
  return <Problem title={t('common.loadFailed')} detail={message} action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>} />;
}
