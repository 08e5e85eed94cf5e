import './hardship.css';
import { Alert, App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { ApplicationInput, HardshipApplication } from '../../../common/hardship';
import { useCan, useUser } from '../../app/auth';
import { applyApiError } from '../../components/forms';
import { useIsPhone } from '../../components/hooks';
import { MemberSelect } from '../../components/MemberSelect';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { yuanField } from '../care/parts';
import { useApplicable, useHardshipWrite } from './api';

/**
 * /hardship/apply: for oneself, for a member of one's 工会小组 (a group leader), or for anyone (the
 * committee). The server checks who may apply for whom.
 */
export default function ApplyPage() {
  const t = useT();
  const can = useCan();
  const user = useUser();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicationInput>();
  const manage = can('hardship.manage');
  const leader = can('hardship.apply_for') && !manage;
  const applicable = useApplicable(leader);
  const save = useHardshipWrite<ApplicationInput, HardshipApplication>('/api/hardship/applications', 'POST', { inlineError: true });
  const onFinish = async (v: ApplicationInput) => {
    try {
      const saved = await save.mutateAsync({ ...v, memberId: v.memberId ?? user.memberId ?? '' });
      message.success(t('hs.applied'));
      navigate(manage ? `/hardship/applications/${saved.id}` : saved.memberId === user.memberId ? '/hardship/mine' : '/', { replace: true });
    } catch (e) {
      applyApiError(form, e);
    }
  };
  if (!manage && !leader && !user.memberId) return <Alert type="info" showIcon title={t('my.noMember')} />;
  return (
    <>
      <PageHeader title={t('hs.apply')} back={manage ? { to: '/hardship', label: t('hs.title') } : { to: '/hardship/mine', label: t('my.title') }} />
      <div className="tx-panel">
        <p className="tx-hs-muted">{t(leader ? 'hs.applyHintLeader' : 'hs.applyHintSelf')}</p>
        <Form<ApplicationInput> form={form} layout="vertical" className="tx-hs-form" onFinish={onFinish} requiredMark={false} initialValues={{ memberId: leader || manage ? undefined : user.memberId ?? undefined }}>
          {manage && (
            <Form.Item name="memberId" label={t('hs.member')} rules={[{ required: true, message: t('hs.pickMember') }]}>
              <MemberSelect />
            </Form.Item>
          )}
          {leader && (
            <Form.Item name="memberId" label={t('hs.member')} rules={[{ required: true, message: t('hs.pickMember') }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={applicable.isPending}
                options={(applicable.data?.items ?? []).map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }))}
                data-testid="hs-apply-member"
              />
            </Form.Item>
          )}
          <Form.Item name="amount" label={t('hs.amountYuan')} rules={[{ required: true, message: t('hs.amountYuan') }]} {...yuanField}>
            <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" style={{ width: '100%' }} data-testid="hs-apply-amount" />
          </Form.Item>
          <Form.Item name="reason" label={t('hs.reason')} rules={[{ required: true, whitespace: true, message: t('hs.reason') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="hs-apply-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block={phone} loading={save.isPending} data-testid="hs-apply-submit">
            {t('hs.apply')}
          </Button>
        </Form>
      </div>
    </>
  );
}
