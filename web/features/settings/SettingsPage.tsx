import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { DEFAULT_CARE_CAPS, orgUpdateInput, type Org, type OrgSettings } from '../../../common/orgs';
import type { SessionUser } from '../../../common/auth';
import { api, ME_KEY } from '../../app/api';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError, applyZodError } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { usePrefs, useT, type TextKey } from '../../i18n';

const ORG_KEY = ['/api/org'] as const;
const CAP_KEYS = Object.keys(DEFAULT_CARE_CAPS) as (keyof OrgSettings['careCaps'])[];
const TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

// Caps are stored in integer 分; people think in 元. Convert only at the input's edge.
const yuanProps = {
  getValueProps: (fen: number | null) => ({ value: fen == null ? null : fen / 100 }),
  normalize: (yuan: number | null) => (yuan == null ? null : Math.round(yuan * 100)),
};

export default function SettingsPage() {
  const t = useT();
  const org = useQuery({ queryKey: ORG_KEY, queryFn: () => api<Org>('/api/org') });
  if (org.isPending) return <PageSpinner />;
  if (org.error) return <ErrorState error={org.error} onRetry={() => org.refetch()} />;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <SettingsForm org={org.data} />
    </>
  );
}

function SettingsForm({ org }: { org: Org }) {
  const t = useT();
  const { lang } = usePrefs();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string; settings: OrgSettings }>();
  const readOnly = !can('org.write');
  const save = useMutation({
    mutationFn: (body: unknown) => api<Org>('/api/org', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      qc.setQueryData(ORG_KEY, saved);
      // The header shows the org name from the session: keep it in step.
      qc.setQueryData<SessionUser | null>(ME_KEY, (u) => (u ? { ...u, org: { ...u.org, name: saved.name } } : u));
      message.success(t('common.saved'));
    },
    onError: (e) => applyApiError(form, e),
  });

  const onFinish = (values: unknown) => {
    const parsed = orgUpdateInput.safeParse(values);
    if (parsed.success) return save.mutate(parsed.data);
    applyZodError(form, parsed.error, lang);
  };

  const section = (title: TextKey, children: ReactNode) => (
    <section className="tx-panel" aria-labelledby={title}>
      <h2 className="tx-h2" id={title}>
        {t(title)}
      </h2>
      {children}
    </section>
  );
  const number = (name: keyof OrgSettings, label: TextKey, help: TextKey, min: number, max: number) => (
    <Form.Item name={['settings', name]} label={t(label)} extra={t(help)} rules={[{ required: true, type: 'number', min, max, message: t('settings.range', { min, max }) }]}>
      <InputNumber min={min} max={max} precision={0} controls={false} style={{ width: 160 }} />
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" initialValues={{ name: org.name, settings: org.settings }} onFinish={onFinish} disabled={readOnly}>
      {readOnly && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />}
      {section(
        'settings.org',
        <>
          <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, min: 2, max: 80, message: t('setup.orgNameRule') }]}>
            <Input style={{ maxWidth: 480 }} />
          </Form.Item>
          <Form.Item name={['settings', 'timezone']} label={t('settings.timezone')}>
            <Select options={TIMEZONES.map((z) => ({ value: z, label: z }))} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name={['settings', 'summaryPeriod']} label={t('settings.summaryPeriod')}>
            <Radio.Group options={[{ value: 'school_year', label: t('settings.schoolYear') }, { value: 'calendar_year', label: t('settings.calendarYear') }]} />
          </Form.Item>
        </>,
      )}
      {section(
        'settings.congress',
        <>
          <Form.Item name={['settings', 'quorumBase']} label={t('settings.quorumBase')} extra={t('settings.quorumBaseHelp')}>
            <Radio.Group options={[{ value: 'all_delegates', label: t('settings.allDelegates') }, { value: 'expected_delegates', label: t('settings.expectedDelegates') }]} />
          </Form.Item>
          {number('assemblyStaffThreshold', 'settings.assemblyStaffThreshold', 'settings.assemblyStaffThresholdHelp', 0, 10000)}
          {number('proposalCoSigners', 'settings.proposalCoSigners', 'settings.proposalCoSignersHelp', 0, 20)}
          {number('evaluationMinAnswers', 'settings.evaluationMinAnswers', 'settings.evaluationMinAnswersHelp', 2, 100)}
        </>,
      )}
      {section(
        'settings.careCaps',
        <>
          <p className="tx-tile-hint">{t('settings.careCapsHelp')}</p>
          <Row gutter={16}>
            {CAP_KEYS.map((k) => (
              <Col xs={24} sm={12} lg={8} key={k}>
                <Form.Item name={['settings', 'careCaps', k]} label={t(`settings.cap.${k}`)} rules={[{ required: true, message: t('settings.capRequired') }]} {...yuanProps}>
                  <InputNumber min={0} precision={2} controls={false} suffix={t('settings.yuan')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name={['settings', 'allowCapOverride']} label={t('settings.allowCapOverride')} extra={t('settings.allowCapOverrideHelp')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>,
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
