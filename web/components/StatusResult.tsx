import { Result } from 'antd';
import { LinkButton } from './LinkButton';
import { useT } from '../i18n';

/** A full-page "not found" / "no permission" answer with the way back home. */
export function StatusResult({ status, title, hint }: { status: '403' | '404'; title: string; hint: string }) {
  const t = useT();
  return (
    <Result
      status={status}
      title={<h1 className="tx-result-title">{title}</h1>}
      subTitle={hint}
      extra={
        <LinkButton type="primary" to="/">
          {t('common.backHome')}
        </LinkButton>
      }
    />
  );
}
