import type { ColumnsType } from 'antd/es/table';
import { ROSTER_COLUMNS, type ImportError, type ImportPreviewRow } from '../../../../common/members';
import { DataList } from '../../../components/DataList';
import { ToneTag, type Tone } from '../../../components/ToneTag';
import { useT, type TextKey } from '../../../i18n';

const ACTION: Record<ImportPreviewRow['action'], { tone: Tone; text: TextKey }> = {
  create: { tone: 'green', text: 'import.actionCreate' },
  update: { tone: 'blue', text: 'import.actionUpdate' },
  unchanged: { tone: 'grey', text: 'import.actionUnchanged' },
  error: { tone: 'red', text: 'import.actionError' },
};

function ActionTag({ action }: { action: ImportPreviewRow['action'] }) {
  const t = useT();
  return <ToneTag tone={ACTION[action].tone}>{t(ACTION[action].text)}</ToneTag>;
}

/** Messages of one row, listed under it (errors name the column as written in the file). */
function RowErrors({ errors }: { errors: ImportError[] }) {
  return (
    <ul className="tx-error-list">
      {errors.map((e, i) => (
        <li key={i}>
          {e.column}：{e.message}
        </li>
      ))}
    </ul>
  );
}

/** Preview rows as the server will apply them; a bad row is tinted and its bad cells outlined. */
export function PreviewTable({ rows, errors }: { rows: ImportPreviewRow[]; errors: ImportError[] }) {
  const t = useT();
  const byRow = new Map<number, ImportError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const cell = (row: ImportPreviewRow, header: string, value: string | undefined) =>
    byRow.get(row.row)?.some((e) => e.column === header) ? (
      <span className="tx-cell-error" title={t('import.badCell')}>
        {value || '—'}
      </span>
    ) : (
      value
    );

  const columns: ColumnsType<ImportPreviewRow> = [
    { key: 'row', title: t('import.rowNo'), render: (_, r) => r.row, fixed: 'left' },
    ...ROSTER_COLUMNS.map(({ field, header }) => ({
      key: header,
      title: header,
      render: (_: unknown, r: ImportPreviewRow) =>
        cell(r, header, r.values[header] ?? (field === 'employeeNo' ? r.employeeNo : field === 'name' ? r.name : '')),
    })),
    { key: 'action', title: t('import.action'), render: (_, r) => <ActionTag action={r.action} />, fixed: 'right' },
  ];

  return (
    <DataList<ImportPreviewRow>
      label={t('import.previewTitle')}
      rows={rows}
      rowKey={(r) => String(r.row)}
      columns={columns}
      rowClassName={(r) => (byRow.has(r.row) ? 'tx-row-error' : '')}
      expandable={{
        expandedRowKeys: [...byRow.keys()].map(String),
        expandedRowRender: (r) => <RowErrors errors={byRow.get(r.row) ?? []} />,
        rowExpandable: (r) => byRow.has(r.row),
        showExpandColumn: false,
      }}
      renderCard={(r) => (
        <>
          <div className="tx-card-title">
            <span>{t('import.rowN', { n: r.row })}</span>
            <span>{r.name}</span>
            <ActionTag action={r.action} />
          </div>
          <div className="tx-card-meta">
            <span>
              {t('field.employeeNo')} {r.employeeNo}
            </span>
            {ROSTER_COLUMNS.slice(2).map(({ header }) =>
              r.values[header] ? (
                <span key={header}>
                  {header} {cell(r, header, r.values[header])}
                </span>
              ) : null,
            )}
          </div>
          {byRow.has(r.row) && <RowErrors errors={byRow.get(r.row)!} />}
        </>
      )}
    />
  );
}
