import './hardship.css';
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Radio, type FormInstance } from 'antd';
import { Link, useParams } from 'react-router';
import { PAY_FORMS, PAY_FORM_LABELS, type HardshipApplication } from '../../../common/hardship';
import { ApiError } from '../../app/apiError';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { formatTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useOptions, useT } from '../../i18n';
import { useYuan, yuanField } from '../care/parts';
import { dateProps } from '../congress/forms';
import { useApplication, useHardshipWrite } from './api';
import { StateTag } from './parts';
import { useSchoolToday } from '../../app/today';

/** /hardship/applications/:id: one application and, for whoever's turn it is, the next step. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const app = useApplication(id);
  if (app.isPending) return <PageSpinner />;
  if (app.error) return <ErrorState error={app.error} onRetry={() => app.refetch()} />;
  return <ApplicationView a={app.data} />;
}

function ApplicationView({ a }: { a: HardshipApplication }) {
  const t = useT();
  const can = useCan();
  const label = useLabel();
  const yuan = useYuan();
  const manage = can('hardship.manage');
  const items = [
    { key: 'member', label: t('hs.member'), children: `${a.memberName}${a.department ? ` · ${a.department}` : ''}` },
    { key: 'date', label: t('hs.date'), children: formatTime(a.createdAt) },
    { key: 'by', label: t('hs.appliedBy'), children: a.onBehalf ? t('hs.onBehalf', { name: a.appliedByName ?? '' }) : t('hs.self') },
    { key: 'amount', label: t('hs.amountYuan'), children: yuan(a.amount) },
    { key: 'reason', label: t('hs.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</span> },
    ...(a.recommendedAmount !== null ? [{ key: 'rec', label: t('hs.recommended'), children: `${yuan(a.recommendedAmount)}${a.reviewedByName ? ` · ${a.reviewedByName}` : ''}` }] : []),
    ...(a.reviewNote ? [{ key: 'note', label: t('hs.reviewNote'), children: a.reviewNote }] : []),
    ...(a.approvedAmount !== null ? [{ key: 'app', label: t('hs.approved'), children: `${yuan(a.approvedAmount)}${a.approvedByName ? ` · ${a.approvedByName}` : ''}` }] : []),
    ...(a.rejectReason ? [{ key: 'rej', label: t('hs.rejectReason'), children: a.rejectReason }] : []),
    ...(a.payment ? [{ key: 'paid', label: t('hs.paidCount'), children: t('hs.paid', { date: a.payment.date, amount: yuan(a.payment.amount), form: label(PAY_FORM_LABELS, a.payment.form) }) }] : []),
  ];
  return (
    <>
      <PageHeader title={`${a.memberName} · ${t('hs.applications')}`} back={manage ? { to: '/hardship?tab=applications', label: t('hs.title') } : { to: '/hardship/mine', label: t('my.title') }} />
      <div className="tx-panel">
        <p>
          <StateTag state={a.state} />{' '}
          {manage && a.fileId && <Link to={`/hardship/files/${a.fileId}`}>{t('hs.files')}</Link>}
        </p>
        <Descriptions bordered size="small" column={1} items={items} />
      </div>
      {manage && a.state === 'submitted' && <Review a={a} />}
      {can('hardship.approve') && a.state === 'recommended' && <Approve a={a} />}
      {manage && a.state === 'approved' && <Pay a={a} />}
    </>
  );
}

/**
 * One step's panel: the form, the call, and a refusal that names no field (a cap, a missing file) shown
 * above the button in full; field messages go next to their fields.
 */
function StepForm({ title, path, initialValues, submit, testId, before, children }: { title: string; path: string; initialValues: object; submit: string; testId: string; before?: ReactNode; children: (form: FormInstance) => ReactNode }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useHardshipWrite<Record<string, unknown>, HardshipApplication>(path, 'POST', { inlineError: true });
  const onFinish = async (v: Record<string, unknown>) => {
    setRefusal(null);
    try {
      await save.mutateAsync(v);
      message.success(t('hs.saved'));
    } catch (e) {
      applyApiError(form, e);
      if (!(e instanceof ApiError) || Object.keys(e.fields).length === 0) setRefusal(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="tx-panel">
      <h2 className="tx-h2">{title}</h2>
      {before}
      <Form form={form} layout="vertical" className="tx-hs-form" initialValues={initialValues} onFinish={onFinish}>
        {children(form)}
        {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 12 }} data-testid="hs-refusal" />}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={testId}>
          {submit}
        </Button>
      </Form>
    </div>
  );
}

/** Recommend or reject, with the amount or the reason the decision needs. */
function Decision({ form, yes, no, amountLabel, hint, testId }: { form: FormInstance; yes: [string, string]; no: string; amountLabel: string; hint?: string; testId: string }) {
  const t = useT();
  const decision = Form.useWatch('decision', form) ?? yes[0];
  return (
    <>
      <Form.Item name="decision">
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: yes[0], label: yes[1] }, { value: 'reject', label: no }]} />
      </Form.Item>
      {decision === yes[0] ? (
        <Form.Item name="amount" label={amountLabel} extra={hint} rules={[{ required: true, message: amountLabel }]} {...yuanField}>
          <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" data-testid={testId} />
        </Form.Item>
      ) : (
        <Form.Item name="reason" label={t('hs.rejectReason')} rules={[{ required: true, whitespace: true, message: t('hs.rejectReason') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}

function Review({ a }: { a: HardshipApplication }) {
  const t = useT();
  const noFile = !a.fileId && (
    <Alert
      type="warning"
      showIcon
      title={t('hs.noFile')}
      action={<LinkButton to={`/hardship/files/new?${new URLSearchParams({ memberId: a.memberId, name: a.memberName })}`} data-testid="hs-open-file">{t('hs.openFileFor')}</LinkButton>}
      style={{ marginBottom: 12 }}
    />
  );
  return (
    <StepForm title={t('hs.review')} path={`/api/hardship/applications/${a.id}/review`} initialValues={{ decision: 'recommend', amount: a.amount }} submit={t('common.save')} testId="hs-review-submit" before={noFile}>
      {(form) => (
        <>
          <Decision form={form} yes={['recommend', t('hs.recommend')]} no={t('hs.reject')} amountLabel={t('hs.recommendAmount')} testId="hs-review-amount" />
          <Form.Item name="note" label={t('hs.reviewNote')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </StepForm>
  );
}

function Approve({ a }: { a: HardshipApplication }) {
  const t = useT();
  return (
    <StepForm title={t('hs.approve')} path={`/api/hardship/applications/${a.id}/approve`} initialValues={{ decision: 'approve', amount: a.recommendedAmount }} submit={t('common.save')} testId="hs-approve-submit">
      {(form) => <Decision form={form} yes={['approve', t('hs.approveIt')]} no={t('hs.reject')} amountLabel={t('hs.approveAmount')} hint={t('hs.approveHint')} testId="hs-approve-amount" />}
    </StepForm>
  );
}

function Pay({ a }: { a: HardshipApplication }) {
  const today = useSchoolToday();
  const t = useT();
  const options = useOptions();
  const yuan = useYuan();
  return (
    <StepForm
      title={t('hs.pay')}
      path={`/api/hardship/applications/${a.id}/pay`}
      initialValues={{ date: today, form: 'transfer' }}
      submit={t('hs.pay')}
      testId="hs-pay-submit"
      before={<p>{t('hs.payHint', { amount: yuan(a.approvedAmount ?? 0) })}</p>}
    >
      {() => (
        <>
          <Form.Item name="date" label={t('hs.payDate')} rules={[{ required: true, message: t('hs.payDate') }]} {...dateProps}>
            <DatePicker placeholder="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item name="form" label={t('hs.payForm')}>
            <Radio.Group optionType="button" options={options(PAY_FORMS, PAY_FORM_LABELS)} />
          </Form.Item>
          <Form.Item name="note" label={t('care.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    </StepForm>
  );
}
