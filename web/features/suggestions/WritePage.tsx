import './suggestions.css';
import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ADDRESSEE_LABELS, SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS, suggestionInput } from '../../../common/suggestions';
import { ApiError } from '../../app/apiError';
import { applyApiError, zodRule } from '../../components/forms';
import { useIsPhone } from '../../components/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useLabel, useOptions, usePrefs, useT } from '../../i18n';
import { useDepartments, useSubmit } from './api';
import { ReceiptOnce } from './ReceiptOnce';

interface Values {
  mailbox: 'principal' | 'union' | 'department';
  departmentId?: string;
  category: string;
  title: string;
  content: string;
  signing: 'named' | 'anonymous';
  wallConsent: boolean;
}

const rule = (k: 'title' | 'content' | 'category', lang: 'zh' | 'en') => [zodRule(suggestionInput.shape[k], lang)];

/** /suggestions/new: phone first. Anonymous mail ends on its receipt code, shown once; named mail opens its page. */
export default function WritePage() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { lang } = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments();
  const submit = useSubmit();
  const [receipt, setReceipt] = useState<string | null>(null);
  const mailbox = Form.useWatch('mailbox', form);
  const signing = Form.useWatch('signing', form);

  const onFinish = async ({ mailbox, departmentId, signing, ...v }: Values) => {
    try {
      const out = await submit.mutateAsync({ ...v, to: mailbox === 'department' ? departmentId : mailbox, anonymous: signing === 'anonymous', wallConsent: signing === 'named' && !!v.wallConsent });
      if ('receipt' in out) setReceipt(out.receipt);
      else {
        message.success(t('sug.sent'));
        navigate(`/suggestions/${out.id}`, { replace: true });
      }
    } catch (e) {
      applyApiError(form, e);
      // The server names `to`; the form shows it as the mailbox choice.
      if (e instanceof ApiError && e.fields.to) form.setFields([{ name: mailbox === 'department' ? 'departmentId' : 'mailbox', errors: [e.fields.to] }]);
    }
  };

  return (
    <>
      <PageHeader title={t('sug.write')} back={{ to: '/suggestions', label: t('sug.title') }} />
      <div className="tx-panel">
        {receipt ? (
          <ReceiptOnce code={receipt} />
        ) : (
          <Form<Values> form={form} layout="vertical" className="tx-sug-form" onFinish={onFinish} initialValues={{ mailbox: 'union', category: 'other', signing: 'named', wallConsent: false }} requiredMark={false}>
            <Form.Item name="mailbox" label={t('sug.to')}>
              <Radio.Group
                optionType="button"
                data-testid="sug-to"
                options={[
                  { value: 'principal', label: label(ADDRESSEE_LABELS, 'principal') },
                  { value: 'union', label: label(ADDRESSEE_LABELS, 'union') },
                  { value: 'department', label: t('sug.toDepartment'), disabled: departments.data?.total === 0 },
                ]}
              />
            </Form.Item>
            {mailbox === 'department' && (
              <Form.Item name="departmentId" label={t('sug.pickDepartment')} rules={[{ required: true, message: t('sug.pickDepartment') }]}>
                <Select
                  data-testid="sug-department"
                  loading={departments.isPending}
                  notFoundContent={t('sug.noDepartments')}
                  options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            )}
            <Form.Item name="category" label={t('sug.category')} rules={rule('category', lang)}>
              <Select options={options(SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS)} data-testid="sug-category" />
            </Form.Item>
            <Form.Item name="title" label={t('sug.subject')} rules={rule('title', lang)}>
              <Input maxLength={100} data-testid="sug-subject" />
            </Form.Item>
            <Form.Item name="content" label={t('sug.content')} rules={rule('content', lang)}>
              <Input.TextArea autoSize={{ minRows: phone ? 4 : 6, maxRows: 14 }} maxLength={5000} showCount data-testid="sug-content" />
            </Form.Item>
            <Form.Item name="signing" label={t('sug.signing')}>
              <Radio.Group
                optionType="button"
                data-testid="sug-signing"
                options={[
                  { value: 'named', label: t('sug.named') },
                  { value: 'anonymous', label: t('sug.anonymous') },
                ]}
              />
            </Form.Item>
            <p className="tx-sug-explain" data-testid="sug-signing-explain">
              {t(signing === 'anonymous' ? 'sug.anonymousExplain' : 'sug.namedExplain')}
            </p>
            {signing !== 'anonymous' && (
              <Form.Item name="wallConsent" valuePropName="checked">
                <Checkbox data-testid="sug-wall-consent">{t('sug.wallConsent')}</Checkbox>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" size="large" block={phone} loading={submit.isPending} data-testid="sug-send">
              {t('sug.send')}
            </Button>
          </Form>
        )}
      </div>
    </>
  );
}
