import { useId, useState, type ComponentType } from 'react';
import { Alert, App, Button, Popconfirm, Select, Upload } from 'antd';
import {
  DeleteOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { FILE_ACCEPT, FILE_KINDS, kindOfMime, type FileInfo, type FileKind } from '../../common/files';
import { toasted } from '../app/notify';
import { useT } from '../i18n';
import { fileUrl, useDeleteFile, useFiles, useUploadFile, type FileOwner } from './attachmentsApi';
import { formatTime } from './format';
import './attachments.css';

const ICONS: Record<FileKind, ComponentType<{ className?: string; 'aria-hidden'?: boolean }>> = {
  pdf: FilePdfOutlined,
  png: FileImageOutlined,
  jpeg: FileImageOutlined,
  gif: FileImageOutlined,
  webp: FileImageOutlined,
  docx: FileWordOutlined,
  doc: FileWordOutlined,
  xlsx: FileExcelOutlined,
  xls: FileExcelOutlined,
  pptx: FilePptOutlined,
  ppt: FilePptOutlined,
  txt: FileTextOutlined,
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

interface Props extends FileOwner {
  title: string;
  /** Offer upload and delete; the server still decides (and its refusal is shown). */
  editable: boolean;
  /** What a file may be marked as (e.g. the agenda items' titles); none: no label picker. */
  labels?: string[];
  'data-testid'?: string;
}

/** The files of one owner: listed for reading on any screen, added and removed by who may. */
export function Attachments({ title, editable, labels = [], ownerKind, ownerId, 'data-testid': testId }: Props) {
  const t = useT();
  const headingId = useId();
  const owner = { ownerKind, ownerId };
  const files = useFiles(owner);
  const upload = useUploadFile(owner);
  const remove = useDeleteFile(owner);
  const { message } = App.useApp();
  const [label, setLabel] = useState<string | undefined>();
  const data = files.data;
  const full = !!data && data.total >= data.maxFiles;
  // Nothing to read and nothing to do: no empty card on every proposal.
  if (!editable && !files.error && !data?.total) return null;

  const send = (file: File) =>
    toasted(upload.mutateAsync({ file, label }).then((f) => message.success(t('files.uploaded', { name: f.name }))));

  return (
    <section className="tx-panel tx-files" aria-labelledby={headingId} data-testid={testId}>
      <h2 className="tx-h2" id={headingId}>
        {title} {data && data.total > 0 && <span className="tx-muted">({data.total})</span>}
      </h2>
      {files.error ? (
        <Alert type="error" showIcon title={files.error.message} action={<Button onClick={() => files.refetch()}>{t('common.retry')}</Button>} />
      ) : data && data.items.length === 0 ? (
        <p className="tx-muted">{t('files.empty')}</p>
      ) : (
        <ul className="tx-files-list" aria-busy={files.isPending}>
          {data?.items.map((f) => <FileRow key={f.id} f={f} editable={editable} onDelete={() => toasted(remove.mutateAsync(f.id).then(() => message.success(t('files.deleted'))))} />)}
        </ul>
      )}
      {editable && data && (
        <div className="tx-files-upload">
          {labels.length > 0 && (
            <Select
              aria-label={t('files.label')}
              className="tx-files-label"
              size="large"
              allowClear
              placeholder={t('files.labelPlaceholder')}
              value={label}
              onChange={setLabel}
              options={[...new Set(labels)].map((l) => ({ value: l, label: l }))}
              data-testid="files-label"
            />
          )}
          <Upload
            accept={FILE_ACCEPT}
            showUploadList={false}
            disabled={full || upload.isPending}
            beforeUpload={(file) => {
              send(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button size="large" icon={<UploadOutlined aria-hidden />} loading={upload.isPending} disabled={full} data-testid="files-upload">
              {t('files.upload')}
            </Button>
          </Upload>
          <p className="tx-muted tx-files-hint">{full ? t('files.full', { max: data.maxFiles }) : t('files.hint', { mb: data.maxMb, max: data.maxFiles })}</p>
          {upload.error && <Alert className="tx-files-error" type="error" showIcon role="alert" title={t('files.refused', { name: upload.variables?.file.name ?? '', message: upload.error.message })} data-testid="files-error" />}
        </div>
      )}
    </section>
  );
}

function FileRow({ f, editable, onDelete }: { f: FileInfo; editable: boolean; onDelete: () => void }) {
  const t = useT();
  const kind = kindOfMime(f.mime);
  const Icon = kind ? ICONS[kind] : FileOutlined;
  // Images and PDFs open in the browser, so keep this page; other types download.
  const inline = !!kind && FILE_KINDS[kind].inline;
  return (
    <li className="tx-file" data-testid="file-row">
      <Icon className="tx-file-icon" aria-hidden />
      <div className="tx-file-text">
        <a className="tx-file-name" href={fileUrl(f.id)} {...(inline ? { target: '_blank', rel: 'noopener' } : {})} data-testid="file-link">
          {f.name}
          {inline && <span className="tx-file-sr">{t('files.opensNewTab')}</span>}
        </a>
        <span className="tx-file-meta">
          {f.label && <span className="tx-file-label">{f.label}</span>}
          <span>{formatSize(f.size)}</span>
          {f.uploadedBy && <span>{t('files.by', { name: f.uploadedBy })}</span>}
          <span>{formatTime(f.uploadedAt)}</span>
        </span>
      </div>
      {editable && (
        <Popconfirm
          title={t('files.deleteConfirm', { name: f.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={onDelete}
        >
          <Button className="tx-file-delete" danger type="text" icon={<DeleteOutlined aria-hidden />} aria-label={t('files.deleteOf', { name: f.name })} data-testid="file-delete" />
        </Popconfirm>
      )}
    </li>
  );
}
