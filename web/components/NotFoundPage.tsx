import { useT } from '../i18n';
import { usePageTitle } from './PageHeader';
import { StatusResult } from './StatusResult';

export default function NotFoundPage() {
  const t = useT();
  usePageTitle(t('common.notFound'));
  return <StatusResult status="404" title={t('common.notFound')} hint={t('common.notFoundHint')} />;
}
