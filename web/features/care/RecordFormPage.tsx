import './care.css';
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { CAP_OF, CARE_FORMS, CARE_FORM_LABELS, CARE_TYPES, CARE_TYPE_LABELS, FESTIVALS, FESTIVAL_LABELS, illnessKey, type CareRecord, type CareRecordInput, type CareStanding, type CareType } from '../../../common/care';
import { formatYuan } from '../../../common/funds';
import { ApiError } from '../../app/apiError';
import { useUser } from '../../app/auth';
import { applyApiError } from '../../components/forms';
import { useIsPhone } from '../../components/hooks';
import { MemberSelect } from '../../components/MemberSelect';
import { PageHeader } from '../../components/PageHeader';
import { useLabel, useOptions, useT } from '../../i18n';
import { dateProps } from '../congress/forms';
import { useCareWrite, useStanding } from './api';
import { yuanField } from './parts';
import { useSchoolNow } from '../../app/today';

type Values = CareRecordInput;

/** What this year already holds against the cap of `type`, and whether `amount` would pass it. */
function Standing({ s, type, amount, reason }: { s: CareStanding; type: CareType; amount?: number; reason?: string }) {
  const t = useT();
  const label = useLabel();
  const cap = CAP_OF[type];
  const typeLabel = label(CARE_TYPE_LABELS, type);
  if (!cap) return <div className="tx-care-standing" data-testid="care-standing"><p>{t('care.noCap')}</p></div>;
  const limit = s.caps[cap.key];
  const sameCap = CARE_TYPES.filter((x) => CAP_OF[x]?.key === cap.key);
  const given = sameCap.reduce((n, x) => n + s.given[x].amount, 0);
  const count = sameCap.reduce((n, x) => n + s.given[x].count, 0);
  const sameIllness = type === 'hospital' && reason ? s.illnesses.find((i) => illnessKey(i.reason) === illnessKey(reason)) : undefined;
  const over = !!sameIllness || (amount != null && (cap.per === 'event' ? amount > limit : given + amount > limit));
  const params = { name: s.memberName, year: s.year, type: typeLabel, given: formatYuan(given), cap: formatYuan(limit), count };
  return (
    <div className={`tx-care-standing${over ? ' tx-care-over' : ''}`} role="status" data-testid="care-standing">
      <p>{t(cap.per === 'year' ? 'care.standingYear' : 'care.standingEvent', params)}</p>
      {cap.per === 'year' && <p>{t('care.remaining', { n: formatYuan(Math.max(0, limit - given)) })}</p>}
      {type === 'hospital' && s.illnesses.length > 0 && (
        <p>
          {t('care.illnessesThisYear')} {s.illnesses.map((i) => `${i.reason}（${i.date}）`).join('、')}
        </p>
      )}
      {over && <p className="tx-care-warn">{t('care.wouldExceed')}</p>}
    </div>
  );
}

/** /care/new: one 慰问, with the member's year against the cap shown before anything is sent. */
export default function RecordFormPage() {
  const now = useSchoolNow();
  const t = useT();
  const options = useOptions();
  const user = useUser();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useCareWrite<Values, CareRecord>('/api/care/records', 'POST', { inlineError: true });
  const memberId = Form.useWatch('memberId', form);
  const type = Form.useWatch('type', form) ?? 'hospital';
  const date = Form.useWatch('date', form);
  const amount = Form.useWatch('amount', form);
  const reason = Form.useWatch('reason', form);
  const override = Form.useWatch('override', form);
  const formOf = Form.useWatch('form', form);
  const year = Number((date ?? now.format('YYYY-MM-DD')).slice(0, 4));
  const standing = useStanding(memberId, year);
  const festival = type === 'festival';
  const [refusal, setRefusal] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setRefusal(null);
    try {
      const saved = await save.mutateAsync({ ...v, form: festival ? 'goods' : v.form });
      message.success(t('care.saved'));
      navigate(`/care/records/${saved.id}`, { replace: true });
    } catch (e) {
      applyApiError(form, e);
      // A cap refusal names no field: it stays above the button, cap, amounts and rule, until the next try.
      if (!(e instanceof ApiError) || Object.keys(e.fields).length === 0) setRefusal(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader title={t('care.new')} back={{ to: '/care', label: t('care.title') }} />
      <div className="tx-panel">
        <Form<Values> form={form} layout="vertical" className="tx-care-form" onFinish={onFinish} requiredMark={false} initialValues={{ type: 'hospital', date: now.format('YYYY-MM-DD'), form: 'cash' }}>
          <Form.Item name="memberId" label={t('care.member')} rules={[{ required: true, message: t('care.pickMember') }]}>
            <MemberSelect />
          </Form.Item>
          <Form.Item name="type" label={t('care.type')}>
            <Select options={options(CARE_TYPES, CARE_TYPE_LABELS)} onChange={(v: CareType) => v === 'festival' && form.setFieldValue('form', 'goods')} data-testid="care-form-type" />
          </Form.Item>
          {standing.data ? <Standing s={standing.data} type={type} amount={amount} reason={reason} /> : <p className="tx-care-muted">{t('care.pickMember')}</p>}
          <Form.Item name="date" label={t('care.date')} rules={[{ required: true, message: t('care.date') }]} {...dateProps}>
            <DatePicker placeholder="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          {festival && (
            <Form.Item name="festival" label={t('care.festival')}>
              <Select options={options(FESTIVALS, FESTIVAL_LABELS)} allowClear />
            </Form.Item>
          )}
          {type === 'hospital' && (
            <>
              <Form.Item name="reason" label={t('care.illness')} extra={t('care.illnessHint')} rules={[{ required: true, whitespace: true, message: t('care.illness') }]}>
                <AutoComplete options={(standing.data?.illnesses ?? []).map((i) => ({ value: i.reason }))} maxLength={200} data-testid="care-form-reason" />
              </Form.Item>
              <Form.Item name="admittedOn" label={t('care.admitted')} {...dateProps}>
                <DatePicker placeholder="YYYY-MM-DD" />
              </Form.Item>
            </>
          )}
          {type === 'other' && (
            <Form.Item name="reason" label={t('care.reason')} rules={[{ required: true, whitespace: true, message: t('care.reason') }]}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="form" label={t('care.form')} extra={festival ? t('care.festivalGoodsOnly') : undefined}>
            <Radio.Group optionType="button" options={CARE_FORMS.map((f) => ({ value: f, label: options([f], CARE_FORM_LABELS)[0].label, disabled: festival && f === 'cash' }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('care.amountYuan')} rules={[{ required: true, message: t('care.amountYuan') }]} {...yuanField}>
            <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" data-testid="care-form-amount" />
          </Form.Item>
          {(festival || formOf === 'goods') && (
            <Form.Item name="item" label={t('care.item')}>
              <Input maxLength={100} placeholder={t('care.itemHint')} />
            </Form.Item>
          )}
          <Form.Item name="visitors" label={t('care.visitors')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t('care.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
          {user.roles.includes('chair') && standing.data?.allowOverride && (
            <>
              <Form.Item name="override" valuePropName="checked">
                <Checkbox>{t('care.override')}</Checkbox>
              </Form.Item>
              {override && (
                <Form.Item name="overrideReason" label={t('care.overrideReason')} extra={t('care.overrideHelp')} rules={[{ required: true, whitespace: true, message: t('care.overrideReason') }]}>
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
                </Form.Item>
              )}
            </>
          )}
          {refusal && <Alert type="error" showIcon role="alert" title={refusal} className="tx-care-done" data-testid="care-refusal" />}
          <Button type="primary" htmlType="submit" size="large" block={phone} loading={save.isPending} data-testid="care-form-submit">
            {t('care.submit')}
          </Button>
        </Form>
      </div>
    </>
  );
}
