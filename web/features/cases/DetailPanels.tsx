import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, CASE_OUTCOME_LABELS, CASE_OUTCOMES, CASE_RATING_MAX, CASE_RATING_MIN, type Case, type CaseCategory, type CaseOutcome } from '../../../common/cases';
import { toasted } from '../../app/notify';
import { applyApiError } from '../../components/forms';
import { useOptions, useT, type TextKey } from '../../i18n';
import { useDepartments } from '../suggestions/api';
import { useCaseAction } from './api';
import { useSchoolNow } from '../../app/today';

const RATINGS = Array.from({ length: CASE_RATING_MAX - CASE_RATING_MIN + 1 }, (_, i) => CASE_RATING_MIN + i);

function Panel({ id, title, hint, children }: { id: string; title: TextKey; hint?: TextKey; children: ReactNode }) {
  const t = useT();
  return (
    <section className="tx-panel" aria-labelledby={id}>
      <h2 className="tx-h2" id={id}>
        {t(title)}
      </h2>
      {hint && <p className="tx-case-muted">{t(hint)}</p>}
      {children}
    </section>
  );
}

/** One text box and one button: the member's information, the handler's response. */
export function TextStep({ c, step, title, hint, submit }: { c: Case; step: 'info' | 'respond'; title: TextKey; hint: TextKey; submit: TextKey }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const send = useCaseAction<{ body: string }>(c.id, step);
  const onFinish = (v: { body: string }) =>
    send.mutateAsync(v).then(
      () => (form.resetFields(), message.success(t('common.saved'))),
      (e) => applyApiError(form, e),
    );
  return (
    <Panel id={`case-${step}`} title={title} hint={hint}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="body" label={t(title)} rules={[{ required: true, whitespace: true, message: t(title) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={step === 'info' ? 2000 : 5000} data-testid={`case-${step}-input`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid={`case-${step}-send`}>
          {t(submit)}
        </Button>
      </Form>
    </Panel>
  );
}

/** The member, once the union has explained: rate to close, or send it back once. */
export function ConfirmPanel({ c }: { c: Case }) {
  const t = useT();
  const { message } = App.useApp();
  const confirm = useCaseAction<{ rating: number; comment?: string }>(c.id, 'confirm');
  const back = useCaseAction<{ reason: string }>(c.id, 'not-resolved');
  const [sendingBack, setSendingBack] = useState(false);
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [backForm] = Form.useForm<{ reason: string }>();
  return (
    <Panel id="case-confirm" title="case.confirmTitle" hint="case.confirmHint">
      <Form
        form={form}
        layout="vertical"
        className="tx-case-rate"
        onFinish={(v) => confirm.mutateAsync({ rating: v.rating, comment: v.comment?.trim() || undefined }).then(() => message.success(t('common.saved')), (e) => applyApiError(form, e))}
      >
        <Form.Item name="rating" label={t('case.rating')} rules={[{ required: true, message: t('case.pickRating') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={RATINGS.map((n) => ({ value: n, label: t('case.ratingOf', { n }) }))}
            data-testid="case-rating"
          />
        </Form.Item>
        <Form.Item name="comment" label={t('case.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="case-comment" />
        </Form.Item>
        <div className="tx-case-actions">
          <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="case-confirm">
            {t('case.confirm')}
          </Button>
          {!c.reopened && !sendingBack && (
            <Button onClick={() => setSendingBack(true)} data-testid="case-not-resolved">
              {t('case.notResolved')}
            </Button>
          )}
        </div>
      </Form>
      {c.reopened && <p className="tx-case-muted">{t('case.notResolvedUsed')}</p>}
      {sendingBack && (
        <Form form={backForm} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => back.mutateAsync(v).then(() => setSendingBack(false), (e) => applyApiError(backForm, e))}>
          <Form.Item name="reason" label={t('case.notResolvedReason')} rules={[{ required: true, whitespace: true, message: t('case.notResolvedReason') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="case-not-resolved-reason" />
          </Form.Item>
          <div className="tx-case-actions">
            <Button danger htmlType="submit" loading={back.isPending} data-testid="case-not-resolved-send">
              {t('case.notResolved')}
            </Button>
            <Button onClick={() => setSendingBack(false)}>{t('common.cancel')}</Button>
          </div>
        </Form>
      )}
    </Panel>
  );
}

/** 受理: may correct the category and leave a note. */
export function TriagePanel({ c }: { c: Case }) {
  const t = useT();
  const options = useOptions();
  const triage = useCaseAction<{ category?: CaseCategory; note?: string }>(c.id, 'triage');
  return (
    <Panel id="case-triage" title="case.triage">
      <Form layout="vertical" initialValues={{ category: c.category }} onFinish={(v: { category: CaseCategory; note?: string }) => toasted(triage.mutateAsync({ category: v.category, note: v.note?.trim() || undefined }))}>
        <Form.Item name="category" label={t('case.category')}>
          <Select options={options(CASE_CATEGORIES, CASE_CATEGORY_LABELS)} data-testid="case-triage-category" />
        </Form.Item>
        <Form.Item name="note" label={t('case.triageNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={triage.isPending} data-testid="case-triage">
          {t('case.triage')}
        </Button>
      </Form>
    </Panel>
  );
}

interface ForwardValues {
  departmentId: string;
  handlerUserId: string;
  deadline: Dayjs;
  note?: string;
}

/** 转办: one handler of a department, with a deadline. */
export function ForwardPanel({ c }: { c: Case }) {
  const now = useSchoolNow();
  const t = useT();
  const [form] = Form.useForm<ForwardValues>();
  const departments = useDepartments();
  const forward = useCaseAction<{ departmentId: string; handlerUserId: string; deadline: string; note?: string }>(c.id, 'forward');
  const departmentId = Form.useWatch('departmentId', form);
  // Once forwarded, forwarding again is the exception: the form opens on request.
  const [open, setOpen] = useState(c.state === 'triaged');
  const handlers = departments.data?.items.find((d) => d.id === departmentId)?.handlers ?? [];
  const onFinish = ({ deadline, note, ...v }: ForwardValues) =>
    forward.mutateAsync({ ...v, deadline: deadline.format('YYYY-MM-DD'), note: note?.trim() || undefined }).then(
      () => (form.resetFields(), setOpen(false)),
      (e) => applyApiError(form, e),
    );
  return (
    <Panel id="case-forward" title="case.forward">
      {!open ? (
        <Button onClick={() => setOpen(true)} data-testid="case-reforward">
          {t('case.reforward')}
        </Button>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="departmentId" label={t('case.pickDepartment')} rules={[{ required: true, message: t('case.pickDepartment') }]}>
            <Select
              loading={departments.isPending}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(id: string) => form.setFieldValue('handlerUserId', departments.data?.items.find((d) => d.id === id)?.handlers[0]?.userId)}
              data-testid="case-forward-department"
            />
          </Form.Item>
          <Form.Item name="handlerUserId" label={t('case.pickHandler')} rules={[{ required: true, message: t('case.pickHandler') }]}>
            <Select notFoundContent={t('case.noHandlers')} options={handlers.map((h) => ({ value: h.userId, label: h.name }))} data-testid="case-forward-handler" />
          </Form.Item>
          <Form.Item name="deadline" label={t('case.deadline')} rules={[{ required: true, message: t('case.deadline') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(now, 'day')} style={{ width: '100%' }} data-testid="case-forward-deadline" />
          </Form.Item>
          <Form.Item name="note" label={t('case.forwardNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={forward.isPending} data-testid="case-forward">
            {t('case.forward')}
          </Button>
        </Form>
      )}
    </Panel>
  );
}

/** The union's explanation to the member: required, whatever the outcome. */
export function ExplainPanel({ c }: { c: Case }) {
  const t = useT();
  const options = useOptions();
  const [form] = Form.useForm<{ outcome: CaseOutcome; body: string }>();
  const explain = useCaseAction<{ outcome: CaseOutcome; body: string }>(c.id, 'explain');
  return (
    <Panel id="case-explain" title={c.memberName === null ? 'case.explainAnonymous' : 'case.explain'} hint="case.explainHint">
      <Form form={form} layout="vertical" onFinish={(v) => explain.mutateAsync(v).then(() => form.resetFields(), (e) => applyApiError(form, e))}>
        <Form.Item name="outcome" label={t('case.outcome')} rules={[{ required: true, message: t('case.outcome') }]}>
          <Radio.Group className="tx-case-outcomes" options={options(CASE_OUTCOMES, CASE_OUTCOME_LABELS)} data-testid="case-explain-outcome" />
        </Form.Item>
        <Form.Item name="body" label={t('case.explainText')} rules={[{ required: true, whitespace: true, message: t('case.explainText') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} data-testid="case-explain-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={explain.isPending} data-testid="case-explain">
          {t(c.memberName === null ? 'case.explainAnonymous' : 'case.explain')}
        </Button>
      </Form>
    </Panel>
  );
}

/** A case from an anonymous source, once explained: the union closes it (nobody else can). */
export function ClosePanel({ c }: { c: Case }) {
  const t = useT();
  const close = useCaseAction<undefined>(c.id, 'close');
  return (
    <Panel id="case-close" title="case.close" hint="case.closeAnonymousHint">
      <Button type="primary" onClick={() => toasted(close.mutateAsync(undefined))} loading={close.isPending} data-testid="case-close">
        {t('case.close')}
      </Button>
    </Panel>
  );
}
