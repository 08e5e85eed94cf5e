import { Result } from 'antd';
import { LinkButton } from './LinkButton';
import { useT } from '../i18n';
import { usePageTitle } from './PageHeader';

export default function NotFoundPage() {
  const t = useT();
  usePageTitle(t('common.notFound'));
  return (
    <Result
      status="404"
      title={<h1 className="tx-result-title">{t('common.notFound')}</h1>}
      subTitle={t('common.notFoundHint')}
      extra={
        <LinkButton type="primary" to="/">
          {t('common.backHome')}
        </LinkButton>
      }
    />
  );
}
