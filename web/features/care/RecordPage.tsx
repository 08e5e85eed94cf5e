import './care.css';
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useParams } from 'react-router';
import { CARE_FORM_LABELS, type CareRecord } from '../../../common/care';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { dateProps } from '../congress/forms';
import { useCareWrite, useRecord } from './api';
import { RecordTags, useWhat, useYuan } from './parts';
import { useSchoolToday } from '../../app/today';

/** /care/records/:id: one record; the committee records the discharge or voids it. */
export default function RecordPage() {
  const { id = '' } = useParams();
  const record = useRecord(id);
  if (record.isPending) return <PageSpinner />;
  if (record.error) return <ErrorState error={record.error} onRetry={() => record.refetch()} />;
  return <RecordView r={record.data} />;
}

function RecordView({ r }: { r: CareRecord }) {
  const today = useSchoolToday();
  const t = useT();
  const can = useCan();
  const label = useLabel();
  const yuan = useYuan();
  const what = useWhat();
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [discharge] = Form.useForm<{ dischargedOn: string }>();
  const patch = useCareWrite<{ dischargedOn: string }, CareRecord>(`/api/care/records/${r.id}`, 'PATCH');
  const voidIt = useCareWrite<{ reason: string }, CareRecord>(`/api/care/records/${r.id}/void`);
  const open = r.type === 'hospital' && !!r.admittedOn && !r.dischargedOn && !r.voidedAt;

  const items = [
    { key: 'member', label: t('care.member'), children: `${r.memberName}（${r.employeeNo}）` },
    { key: 'department', label: t('field.department'), children: r.department },
    { key: 'what', label: t('care.type'), children: what(r) },
    { key: 'date', label: t('care.date'), children: r.date },
    { key: 'amount', label: t('care.amount'), children: yuan(r.amount) },
    { key: 'form', label: t('care.form'), children: label(CARE_FORM_LABELS, r.form) },
    ...(r.type === 'hospital' ? [{ key: 'stay', label: t('care.admitted'), children: `${r.admittedOn ?? ''}${r.dischargedOn ? ` → ${r.dischargedOn}` : ''}` }] : []),
    { key: 'visitors', label: t('care.visitors'), children: r.visitors },
    { key: 'note', label: t('care.note'), children: r.note },
    ...(r.overrideReason ? [{ key: 'override', label: t('care.overrideReason'), children: r.overrideReason }] : []),
    ...(r.voidedAt ? [{ key: 'void', label: t('care.voidReason'), children: `${r.voidReason ?? ''}（${formatTime(r.voidedAt)}）` }] : []),
    { key: 'by', label: t('care.createdBy'), children: `${r.createdByName ?? ''} ${formatTime(r.createdAt)}` },
  ];

  return (
    <>
      <PageHeader
        title={`${r.memberName} · ${what(r)}`}
        back={{ to: '/care', label: t('care.title') }}
        extra={
          can('care.write') && !r.voidedAt && (
            <Button danger onClick={() => setVoiding(true)} data-testid="care-void">
              {t('care.void')}
            </Button>
          )
        }
      />
      <div className="tx-panel" data-testid="care-record">
        <p>
          <RecordTags r={r} />
        </p>
        <Descriptions bordered size="small" column={1} items={items} className="tx-care-detail" />
      </div>
      {open && can('care.write') && (
        <div className="tx-panel">
          <h2 className="tx-h2">{t('care.discharge')}</h2>
          <Form form={discharge} layout="inline" initialValues={{ dischargedOn: today }} onFinish={(v) => patch.mutateAsync(v).then(() => message.success(t('common.saved')))}>
            <Space wrap>
              <Form.Item name="dischargedOn" label={t('care.discharged')} rules={[{ required: true, message: t('care.discharged') }]} {...dateProps}>
                <DatePicker placeholder="YYYY-MM-DD" allowClear={false} />
              </Form.Item>
              <Button htmlType="submit" loading={patch.isPending}>
                {t('common.save')}
              </Button>
            </Space>
          </Form>
        </div>
      )}
      <Modal
        open={voiding}
        title={t('care.void')}
        okText={t('care.void')}
        okButtonProps={{ danger: true, loading: voidIt.isPending }}
        onCancel={() => setVoiding(false)}
        onOk={() => form.validateFields().then((v) => voidIt.mutateAsync(v).then(() => setVoiding(false)))}
        destroyOnHidden
      >
        <p>{t('care.voidConfirm')}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('care.voidReason')} rules={[{ required: true, whitespace: true, message: t('care.voidReason') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
