import { Alert, Button, Checkbox, Upload } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ImportResult } from '../../../../common/members';
import { useT } from '../../../i18n';
import { ImportSummary } from './ImportSummary';
import { PreviewTable } from './PreviewTable';

interface Props {
  fileName: string;
  result: ImportResult;
  skipInvalid: boolean;
  onSkipInvalid: (v: boolean) => void;
  onReupload: (file: File) => void;
  onConfirm: () => void;
  busy: boolean;
}

/** Step 2: what the file would do, its errors row by row, and the go-ahead. */
export function PreviewStep({ fileName, result, skipInvalid, onSkipInvalid, onReupload, onConfirm, busy }: Props) {
  const t = useT();
  const errors = result.errors;
  const blocked = errors.length > 0 && !skipInvalid;
  const nothingToDo = result.created + result.updated + result.groupsCreated === 0;

  return (
    <>
      <p>{t('import.previewOf', { file: fileName })}</p>
      <ImportSummary result={result} />

      {errors.length > 0 && (
        <section aria-labelledby="import-errors" className="tx-import-errors">
          <h2 id="import-errors" className="tx-h2">
            {t('import.errorListTitle', { n: errors.length })}
          </h2>
          <ul className="tx-error-list" data-testid="import-errors">
            {errors.map((e, i) => (
              <li key={i}>{t('import.errorLine', { row: e.row, column: e.column, message: e.message })}</li>
            ))}
          </ul>
        </section>
      )}

      <h2 className="tx-h2">{t('import.previewTitle')}</h2>
      <PreviewTable rows={result.preview ?? []} errors={errors} />

      <div className="tx-import-confirm">
        {errors.length > 0 && (
          <Checkbox checked={skipInvalid} onChange={(e) => onSkipInvalid(e.target.checked)} data-testid="import-skip-invalid">
            {t('import.skipInvalid')}
          </Checkbox>
        )}
        {blocked && <Alert type="warning" showIcon title={t('import.blocked')} id="import-blocked" />}
        <div className="tx-actions">
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (onReupload(f), false)} disabled={busy}>
            <Button icon={<ReloadOutlined aria-hidden />} data-testid="import-reupload">
              {t('import.reupload')}
            </Button>
          </Upload>
          <Button
            type="primary"
            onClick={onConfirm}
            loading={busy}
            disabled={blocked || nothingToDo}
            aria-describedby={blocked ? 'import-blocked' : undefined}
            data-testid="import-confirm"
          >
            {t('import.confirm')}
          </Button>
        </div>
        {nothingToDo && !blocked && <p className="tx-tile-hint">{t('import.nothingToDo')}</p>}
      </div>
    </>
  );
}
