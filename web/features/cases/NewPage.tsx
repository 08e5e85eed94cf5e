import './cases.css';
import { App, Button, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, caseInput, type CaseInput } from '../../../common/cases';
import { applyApiError, zodRule } from '../../components/forms';
import { useIsPhone } from '../../components/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useOptions, usePrefs, useT } from '../../i18n';
import { useRaise } from './api';

const rule = (k: keyof CaseInput, lang: 'zh' | 'en') => [zodRule(caseInput.shape[k], lang)];

/** /cases/new: phone first; the case opens on its own page once sent. */
export default function NewPage() {
  const t = useT();
  const options = useOptions();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { lang } = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseInput>();
  const raise = useRaise();

  const onFinish = async (v: CaseInput) => {
    try {
      const c = await raise.mutateAsync(v);
      message.success(t('case.raised'));
      navigate(`/cases/${c.id}`, { replace: true });
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <>
      <PageHeader title={t('case.raise')} back={{ to: '/cases/mine', label: t('nav.myCases') }} />
      <div className="tx-panel">
        <p className="tx-case-muted">{t('case.raiseIntro')}</p>
        <Form<CaseInput> form={form} layout="vertical" className="tx-case-form" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="category" label={t('case.category')} rules={rule('category', lang)}>
            <Select options={options(CASE_CATEGORIES, CASE_CATEGORY_LABELS)} data-testid="case-category" />
          </Form.Item>
          <Form.Item name="title" label={t('case.subject')} rules={rule('title', lang)}>
            <Input maxLength={100} data-testid="case-title" />
          </Form.Item>
          <Form.Item name="content" label={t('case.content')} extra={t('case.contentHint')} rules={rule('content', lang)}>
            <Input.TextArea autoSize={{ minRows: phone ? 4 : 6, maxRows: 14 }} maxLength={5000} showCount data-testid="case-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block={phone} loading={raise.isPending} data-testid="case-send">
            {t('case.raise')}
          </Button>
        </Form>
      </div>
    </>
  );
}
