import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { CARE_FORM_LABELS, CARE_TYPE_LABELS, FESTIVAL_LABELS, type CareRecord } from '../../../common/care';
import { formatYuan } from '../../../common/funds';
import { ToneTag } from '../../components/ToneTag';
import { useLabel, useT } from '../../i18n';

/** Form.Item props for a money field: the API speaks 分, people type 元. */
export const yuanField = {
  getValueProps: (fen: number | null | undefined) => ({ value: fen == null ? null : fen / 100 }),
  normalize: (yuan: number | null) => (yuan == null ? null : Math.round(yuan * 100)),
};

/** 2,200.00 元 */
export function useYuan() {
  const t = useT();
  return (fen: number) => t('care.yuan', { n: formatYuan(fen) });
}

export function RecordTags({ r }: { r: CareRecord }) {
  const t = useT();
  return (
    <>
      {r.voidedAt && <ToneTag tone="grey">{t('care.voided')}</ToneTag>}
      {r.overrideReason && <ToneTag tone="red">{t('care.overridden')}</ToneTag>}
      {r.type === 'hospital' && r.admittedOn && !r.dischargedOn && !r.voidedAt && <ToneTag tone="orange">{t('care.stillIn')}</ToneTag>}
    </>
  );
}

/** 生病住院 · 肺炎, 节日 · 中秋节 · 月饼 */
export function useWhat() {
  const label = useLabel();
  return (r: CareRecord) => [label(CARE_TYPE_LABELS, r.type), r.festival && label(FESTIVAL_LABELS, r.festival), r.reason, r.item].filter(Boolean).join(' · ');
}

export function useRecordColumns(): ColumnsType<CareRecord> {
  const t = useT();
  const label = useLabel();
  const yuan = useYuan();
  const what = useWhat();
  return [
    { key: 'date', title: t('care.date'), dataIndex: 'date' },
    { key: 'member', title: t('care.member'), render: (_, r) => <Link to={`/care/records/${r.id}`}>{r.memberName}</Link> },
    { key: 'department', title: t('field.department'), dataIndex: 'department' },
    { key: 'what', title: t('care.type'), render: (_, r) => what(r) },
    { key: 'form', title: t('care.form'), render: (_, r) => label(CARE_FORM_LABELS, r.form) },
    { key: 'amount', title: t('care.amount'), align: 'right', render: (_, r) => (r.voidedAt ? <s>{yuan(r.amount)}</s> : yuan(r.amount)) },
    { key: 'tags', title: '', render: (_, r) => <RecordTags r={r} /> },
  ];
}

export function RecordCard({ r }: { r: CareRecord }) {
  const yuan = useYuan();
  const what = useWhat();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/care/records/${r.id}`}>{r.memberName}</Link>
        <span>{r.voidedAt ? <s>{yuan(r.amount)}</s> : yuan(r.amount)}</span>
        <RecordTags r={r} />
      </div>
      <div className="tx-card-meta">
        <span>{r.date}</span>
        <span>{what(r)}</span>
        {r.department && <span>{r.department}</span>}
      </div>
    </>
  );
}
