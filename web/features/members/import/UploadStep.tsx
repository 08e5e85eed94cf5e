import { Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { DownloadButton } from '../../../components/DownloadButton';
import { useT } from '../../../i18n';

/** Step 1: choose or drop the .xlsx; choosing starts the dry run right away. */
export function UploadStep({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const t = useT();
  return (
    <>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          return false; // we send it ourselves, with the CSRF header
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{busy ? t('import.checking') : t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      <p style={{ marginTop: 16 }}>
        {t('import.templateHint')}{' '}
        <DownloadButton
          type="link"
          path="/api/members/template"
          fallbackName={`${t('import.template')}.xlsx`}
          icon={<DownloadOutlined aria-hidden />}
          data-testid="import-template"
        >
          {t('import.template')}
        </DownloadButton>
      </p>
    </>
  );
}
