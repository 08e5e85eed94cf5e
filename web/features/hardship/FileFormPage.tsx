import './hardship.css';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HARDSHIP_FILE_LEVELS, HARDSHIP_FILE_LEVEL_LABELS, HARDSHIP_REASONS, HARDSHIP_REASON_LABELS, type HardshipFileDetail, type HardshipFileInput } from '../../../common/hardship';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { useIsPhone } from '../../components/hooks';
import { MemberSelect } from '../../components/MemberSelect';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useOptions, useT } from '../../i18n';
import { yuanField } from '../care/parts';
import { dateProps } from '../congress/forms';
import { useFile, useHardshipWrite } from './api';
import { useSchoolNow } from '../../app/today';

/** /hardship/files/new and /hardship/files/:id/edit: the household's situation, the level, the yearly review. */
export default function FileFormPage() {
  const { id } = useParams();
  const file = useFile(id ?? '');
  if (!id) return <FileForm />;
  if (file.isPending) return <PageSpinner />;
  if (file.error) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  return <FileForm f={file.data} />;
}

function FileForm({ f }: { f?: HardshipFileDetail }) {
  const now = useSchoolNow();
  const t = useT();
  const options = useOptions();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<HardshipFileInput>();
  const save = useHardshipWrite<HardshipFileInput, HardshipFileDetail>(f ? `/api/hardship/files/${f.id}` : '/api/hardship/files', f ? 'PATCH' : 'POST', { inlineError: true });
  const onFinish = async (v: HardshipFileInput) => {
    try {
      const saved = await save.mutateAsync(v);
      message.success(t('hs.saved'));
      navigate(`/hardship/files/${saved.id}`, { replace: true });
    } catch (e) {
      applyApiError(form, e);
    }
  };
  const initial = f
    ? { level: f.level, reasons: f.reasons, householdSize: f.householdSize, incomePerHead: f.incomePerHead, situation: f.situation, notes: f.notes ?? '', reviewOn: f.reviewOn }
    : { memberId: params.get('memberId') ?? undefined, level: 'ordinary' as const, reasons: [], householdSize: 3, situation: '', notes: '', reviewOn: now.add(1, 'year').format('YYYY-MM-DD') };
  return (
    <>
      <PageHeader title={f ? `${t('hs.edit')} · ${f.memberName}` : t('hs.newFile')} back={f ? { to: `/hardship/files/${f.id}`, label: f.memberName } : { to: '/hardship', label: t('hs.title') }} />
      <div className="tx-panel">
        <Form<HardshipFileInput> form={form} layout="vertical" className="tx-hs-form" onFinish={onFinish} requiredMark={false} initialValues={initial}>
          {!f && (
            <Form.Item name="memberId" label={t('hs.member')} rules={[{ required: true, message: t('hs.pickMember') }]}>
              <MemberSelect currentLabel={params.get('name')} />
            </Form.Item>
          )}
          <Form.Item name="level" label={t('hs.level')}>
            <Radio.Group optionType="button" options={options(HARDSHIP_FILE_LEVELS, HARDSHIP_FILE_LEVEL_LABELS)} />
          </Form.Item>
          <Form.Item name="reasons" label={t('hs.reasons')} rules={[{ required: true, message: t('hs.reasons') }]}>
            <Checkbox.Group options={options(HARDSHIP_REASONS, HARDSHIP_REASON_LABELS)} />
          </Form.Item>
          <Form.Item name="householdSize" label={t('hs.household')} rules={[{ required: true, message: t('hs.household') }]}>
            <InputNumber min={1} max={30} precision={0} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="incomePerHead" label={t('hs.income')} rules={[{ required: true, message: t('hs.income') }]} {...yuanField}>
            <InputNumber min={0} precision={2} controls={false} inputMode="decimal" />
          </Form.Item>
          <Form.Item name="situation" label={t('hs.situation')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="notes" label={t('hs.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reviewOn" label={t('hs.reviewOn')} rules={[{ required: true, message: t('hs.reviewOn') }]} {...dateProps}>
            <DatePicker placeholder="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block={phone} loading={save.isPending} data-testid="hs-file-submit">
            {t('common.save')}
          </Button>
        </Form>
      </div>
    </>
  );
}
