import './hardship.css';
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  APPLICATION_STATES,
  APPLICATION_STATE_LABELS,
  HARDSHIP_FILE_LEVELS,
  HARDSHIP_FILE_LEVEL_LABELS,
  HARDSHIP_FILE_STATUSES,
  HARDSHIP_FILE_STATUS_LABELS,
  HARDSHIP_REASON_LABELS,
  PAY_FORMS,
  PAY_FORM_LABELS,
  type CampaignInput,
  type HardshipApplication,
  type HardshipCampaign,
  type HardshipCampaignDetail,
  type HardshipCaps,
  type HardshipFile,
} from '../../../common/hardship';
import { useCan } from '../../app/auth';
import { DataList, type DataListProps } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { LinkButton } from '../../components/LinkButton';
import { useListQuery } from '../../components/useListQuery';
import { PageHeader } from '../../components/PageHeader';
import { useLabel, useOptions, useT } from '../../i18n';
import { useYuan, yuanField } from '../care/parts';
import { dateProps } from '../congress/forms';
import { useCampaigns, useCaps, useFiles, useHardshipWrite } from './api';
import { FileStatusTag, LevelTag, StateTag } from './parts';
import { useRecentYears, useSchoolNow } from '../../app/today';

const TABS = ['files', 'applications', 'campaigns', 'caps'] as const;
type Tab = (typeof TABS)[number];

/** /hardship: the committee's files, applications, 送温暖 campaigns and caps, one tab each. */
export default function HardshipPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'files';
  return (
    <>
      <PageHeader
        title={t('hs.title')}
        extra={
          <>
            <LinkButton to="/hardship/files/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="hs-new-file">
              {t('hs.newFile')}
            </LinkButton>
            <LinkButton to="/hardship/apply" data-testid="hs-apply">
              {t('hs.apply')}
            </LinkButton>
          </>
        }
      />
      <Alert type="warning" showIcon title={t('hs.sensitive')} className="tx-hs-private" />
      <div className="tx-panel">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'files', label: t('hs.files'), children: <Files /> },
            { key: 'applications', label: t('hs.applications'), children: <Applications /> },
            { key: 'campaigns', label: t('hs.campaigns'), children: <Campaigns /> },
            { key: 'caps', label: t('hs.caps'), children: <Caps /> },
          ]}
        />
      </div>
    </>
  );
}

function Files() {
  const now = useSchoolNow();
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>('open');
  const files = useFiles(status);
  const reasons = (f: HardshipFile) => f.reasons.map((r) => label(HARDSHIP_REASON_LABELS, r)).join('、');
  const due = (f: HardshipFile) => f.status === 'open' && f.reviewOn <= now.add(30, 'day').format('YYYY-MM-DD');
  if (files.error) return <ErrorState error={files.error} onRetry={() => files.refetch()} />;
  return (
    <>
      <Radio.Group
        value={status ?? 'all'}
        onChange={(e) => setStatus(e.target.value === 'all' ? undefined : e.target.value)}
        optionType="button"
        options={[...options(HARDSHIP_FILE_STATUSES, HARDSHIP_FILE_STATUS_LABELS), { value: 'all', label: t('hs.all') }]}
        style={{ marginBottom: 12 }}
      />
      <DataList<HardshipFile>
        label={t('hs.files')}
        rows={files.data?.items}
        loading={files.isPending}
        rowKey={(f) => f.id}
        onRowClick={(f) => navigate(`/hardship/files/${f.id}`)}
        columns={[
          { key: 'name', title: t('hs.member'), render: (_, f) => <Link to={`/hardship/files/${f.id}`}>{f.memberName}</Link> },
          { key: 'department', title: t('field.department'), dataIndex: 'department' },
          { key: 'level', title: t('hs.level'), render: (_, f) => <LevelTag level={f.level} /> },
          { key: 'reasons', title: t('hs.reasons'), render: (_, f) => reasons(f) },
          { key: 'review', title: t('hs.reviewOn'), render: (_, f) => (due(f) ? <strong className="tx-hs-problem">{f.reviewOn}</strong> : f.reviewOn) },
          // Only a closed file carries a tag: the column is shown where closed files can be listed.
          ...(status === 'open' ? [] : [{ key: 'status', title: t('hs.status'), render: (_: unknown, f: HardshipFile) => <FileStatusTag f={f} /> }]),
        ]}
        renderCard={(f) => (
          <>
            <div className="tx-card-title">
              <Link to={`/hardship/files/${f.id}`}>{f.memberName}</Link>
              <LevelTag level={f.level} />
              <FileStatusTag f={f} />
            </div>
            <div className="tx-card-meta">
              <span>{reasons(f)}</span>
              <span className={due(f) ? 'tx-hs-problem' : undefined}>
                {t('hs.reviewOn')} {f.reviewOn}
              </span>
            </div>
          </>
        )}
      />
    </>
  );
}

type Paging = Pick<DataListProps<HardshipApplication>, 'page' | 'pageSize' | 'total' | 'onPageChange'>;

/** Applications newest first: the committee's paged list, or a member's or a file's few. */
export function ApplicationList({ rows, loading, ...paging }: { rows?: HardshipApplication[]; loading?: boolean } & Paging) {
  const t = useT();
  const yuan = useYuan();
  const navigate = useNavigate();
  const amount = (a: HardshipApplication) => yuan(a.payment?.amount ?? a.approvedAmount ?? a.recommendedAmount ?? a.amount);
  return (
    <DataList<HardshipApplication>
      {...paging}
      label={t('hs.applications')}
      rows={rows}
      loading={loading}
      rowKey={(a) => a.id}
      onRowClick={(a) => navigate(`/hardship/applications/${a.id}`)}
      columns={[
        { key: 'date', title: t('hs.date'), render: (_, a) => a.createdAt.slice(0, 10) },
        { key: 'name', title: t('hs.member'), render: (_, a) => <Link to={`/hardship/applications/${a.id}`}>{a.memberName}</Link> },
        { key: 'reason', title: t('hs.reason'), dataIndex: 'reason', ellipsis: true },
        { key: 'amount', title: t('hs.amount'), align: 'right', render: (_, a) => amount(a) },
        { key: 'state', title: t('hs.state'), render: (_, a) => <StateTag state={a.state} /> },
      ]}
      renderCard={(a) => (
        <>
          <div className="tx-card-title">
            <Link to={`/hardship/applications/${a.id}`}>{a.memberName}</Link>
            <span>{amount(a)}</span>
            <StateTag state={a.state} />
          </div>
          <div className="tx-card-meta">
            <span>{a.createdAt.slice(0, 10)}</span>
            <span>{a.reason}</span>
          </div>
        </>
      )}
    />
  );
}

function Applications() {
  const t = useT();
  const options = useOptions();
  // The state and the page live in the address beside the tab: Back from an application returns to the same page.
  const { filters, set, result, listProps } = useListQuery<HardshipApplication>('/api/hardship/applications', { own: ['tab'] });
  if (result.error) return <ErrorState error={result.error} onRetry={() => result.refetch()} />;
  const { rows, loading, page, pageSize, total, onPageChange } = listProps;
  return (
    <>
      <div className="tx-filters">
        <Select aria-label={t('hs.state')} placeholder={t('hs.state')} value={filters.state} onChange={(state?: string) => set({ state })} options={options(APPLICATION_STATES, APPLICATION_STATE_LABELS)} allowClear data-testid="hs-state" />
      </div>
      <ApplicationList rows={rows} loading={loading} page={page} pageSize={pageSize} total={total} onPageChange={onPageChange} />
    </>
  );
}

function Campaigns() {
  const t = useT();
  const years = useRecentYears();
  const yuan = useYuan();
  const navigate = useNavigate();
  // No year: this year's and those planned ahead (春节送温暖 is often planned in the year before).
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useCampaigns(year);
  if (list.error) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const progress = (c: HardshipCampaign) => t('hs.progress', { visited: c.visited, paid: c.paid, count: c.count });
  return (
    <>
      <div className="tx-filters">
        <Select aria-label={t('care.year')} placeholder={t('hs.thisYearOn')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: t('care.yearOf', { y }) }))} allowClear />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="hs-new-campaign">
          {t('hs.newCampaign')}
        </Button>
      </div>
      <DataList<HardshipCampaign>
        label={t('hs.campaigns')}
        rows={list.data?.items}
        loading={list.isPending}
        rowKey={(c) => c.id}
        onRowClick={(c) => navigate(`/hardship/campaigns/${c.id}`)}
        columns={[
          { key: 'date', title: t('hs.date'), dataIndex: 'date' },
          { key: 'title', title: t('hs.campaignTitle'), render: (_, c) => <Link to={`/hardship/campaigns/${c.id}`}>{c.title}</Link> },
          { key: 'amount', title: t('hs.perPerson'), align: 'right', render: (_, c) => yuan(c.amount) },
          { key: 'progress', title: t('hs.state'), render: (_, c) => progress(c) },
          { key: 'paid', title: t('hs.paidTotal'), align: 'right', render: (_, c) => yuan(c.paidTotal) },
        ]}
        renderCard={(c) => (
          <>
            <div className="tx-card-title">
              <Link to={`/hardship/campaigns/${c.id}`}>{c.title}</Link>
              <span>{yuan(c.amount)}</span>
            </div>
            <div className="tx-card-meta">
              <span>{c.date}</span>
              <span>{progress(c)}</span>
            </div>
          </>
        )}
      />
      {creating && <NewCampaign onClose={() => setCreating(false)} />}
    </>
  );
}

function NewCampaign({ onClose }: { onClose: () => void }) {
  const now = useSchoolNow();
  const t = useT();
  const options = useOptions();
  const navigate = useNavigate();
  const [form] = Form.useForm<CampaignInput>();
  const save = useHardshipWrite<CampaignInput, HardshipCampaignDetail>('/api/hardship/campaigns', 'POST', { inlineError: true });
  const submit = () =>
    form.validateFields().then((v) =>
      save.mutateAsync(v).then(
        (c) => navigate(`/hardship/campaigns/${c.id}`),
        (e) => applyApiError(form, e),
      ),
    );
  return (
    <Modal open title={t('hs.newCampaign')} okText={t('common.save')} onOk={submit} okButtonProps={{ loading: save.isPending }} onCancel={onClose} destroyOnHidden>
      <Form<CampaignInput> form={form} layout="vertical" preserve={false} initialValues={{ date: now.format('YYYY-MM-DD'), levels: ['severe', 'ordinary'], form: 'cash' }}>
        <Form.Item name="title" label={t('hs.campaignTitle')} rules={[{ required: true, whitespace: true, message: t('hs.campaignTitle') }]}>
          <Input maxLength={80} placeholder={t('hs.campaignTitleHint', { y: now.year() + 1 })} />
        </Form.Item>
        <Form.Item name="date" label={t('hs.date')} rules={[{ required: true, message: t('hs.date') }]} {...dateProps}>
          <DatePicker placeholder="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="levels" label={t('hs.campaignLevels')} rules={[{ required: true, message: t('hs.campaignLevels') }]}>
          <Checkbox.Group options={options(HARDSHIP_FILE_LEVELS, HARDSHIP_FILE_LEVEL_LABELS)} />
        </Form.Item>
        <Form.Item name="amount" label={t('hs.perPerson')} rules={[{ required: true, message: t('hs.perPerson') }]} {...yuanField}>
          <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="form" label={t('hs.payForm')}>
          <Radio.Group optionType="button" options={options(PAY_FORMS, PAY_FORM_LABELS)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Caps() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { message } = App.useApp();
  const caps = useCaps();
  const [form] = Form.useForm<HardshipCaps>();
  const save = useHardshipWrite<HardshipCaps, HardshipCaps>('/api/hardship/caps', 'PUT', { inlineError: true });
  if (caps.error) return <ErrorState error={caps.error} onRetry={() => caps.refetch()} />;
  if (!caps.data) return null;
  const editable = can('hardship.approve');
  return (
    <Form<HardshipCaps>
      form={form}
      layout="vertical"
      className="tx-hs-form"
      initialValues={caps.data}
      disabled={!editable}
      onFinish={(v) => save.mutateAsync(v).then(() => message.success(t('hs.saved')), (e) => applyApiError(form, e))}
    >
      <p className="tx-hs-muted">{t('hs.capsHint')}</p>
      {HARDSHIP_FILE_LEVELS.map((level) => (
        <fieldset key={level} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
          <legend className="tx-h2" style={{ fontSize: '1rem' }}>
            {label(HARDSHIP_FILE_LEVEL_LABELS, level)}
          </legend>
          <Form.Item name={[level, 'perApplication']} label={t('hs.perApplication')} rules={[{ required: true, message: t('hs.perApplication') }]} {...yuanField}>
            <InputNumber min={0} precision={2} controls={false} inputMode="decimal" />
          </Form.Item>
          <Form.Item name={[level, 'perYear']} label={t('hs.perYear')} rules={[{ required: true, message: t('hs.perYear') }]} {...yuanField}>
            <InputNumber min={0} precision={2} controls={false} inputMode="decimal" />
          </Form.Item>
        </fieldset>
      ))}
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
