import { Button, Result } from 'antd';
import type { ImportResult } from '../../../../common/members';
import { LinkButton } from '../../../components/LinkButton';
import { useT } from '../../../i18n';
import { ImportSummary } from './ImportSummary';

/** Step 3: what was written. */
export function ResultStep({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={<h2 className="tx-result-title">{t('import.doneTitle')}</h2>}
      subTitle={<ImportSummary result={result} />}
      extra={[
        <LinkButton key="list" type="primary" to="/members" data-testid="import-back">
          {t('import.backToList')}
        </LinkButton>,
        <Button key="again" onClick={onAgain}>
          {t('import.again')}
        </Button>,
      ]}
    />
  );
}
