import './disclosures.css';
import { App, Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DISCLOSURE_AUDIENCES, DISCLOSURE_AUDIENCE_LABELS, type Disclosure } from '../../../common/disclosures';
import { applyApiError } from '../../components/forms';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useOptions, useT } from '../../i18n';
import { useCategories, useDisclosure, useDisclosureWrite, useIssues } from './api';
import { useCategoryName, useIssueLabel } from './parts';
import { RichTextEditor } from './RichTextEditor';
import { useSchoolNow } from '../../app/today';

interface Values {
  title: string;
  categoryId: string;
  audience: string;
  content: string;
  visibleFrom: Dayjs;
  visibleTo?: Dayjs | null;
  issueId?: string | null;
}

function DisclosureForm({ item, issueId }: { item?: Disclosure; issueId?: string }) {
  const now = useSchoolNow();
  const t = useT();
  const options = useOptions();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const issues = useIssues();
  const create = useDisclosureWrite('/api/disclosures');
  const patch = useDisclosureWrite(`/api/disclosures/${item?.id}`, 'PATCH');
  const openIssues = (issues.data?.items ?? []).filter((i) => i.state === 'draft');
  const usable = (categories.data?.items ?? []).filter((c) => !c.disabled || c.id === item?.categoryId);
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];

  const onFinish = async ({ visibleFrom, visibleTo, issueId: chosen, ...v }: Values) => {
    const body = { ...v, visibleFrom: visibleFrom.format('YYYY-MM-DD'), visibleTo: visibleTo ? visibleTo.format('YYYY-MM-DD') : null, issueId: chosen ?? null };
    try {
      const saved = item ? await patch.mutateAsync(body) : await create.mutateAsync(body);
      message.success(t('common.saved'));
      navigate(`/disclosures/${saved.id}`, { replace: !!item });
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="tx-panel tx-form-panel"
      onFinish={onFinish}
      initialValues={
        item
          ? { ...item, visibleFrom: dayjs(item.visibleFrom), visibleTo: item.visibleTo ? dayjs(item.visibleTo) : null }
          : { audience: 'staff', visibleFrom: now, visibleTo: now.add(30, 'day'), issueId: issueId ?? openIssues[openIssues.length - 1]?.id, content: '' }
      }
    >
      <Form.Item name="title" label={t('disclosures.field.disclosureTitle')} rules={required('disclosures.field.disclosureTitle')}>
        <Input maxLength={100} showCount data-testid="disclosure-title" />
      </Form.Item>
      <div className="tx-form-row">
        <Form.Item name="categoryId" label={t('disclosures.field.disclosureCategory')} rules={required('disclosures.field.disclosureCategory')}>
          <Select options={usable.map((c) => ({ value: c.id, label: category(c) }))} showSearch={{ optionFilterProp: 'label' }} data-testid="disclosure-category" />
        </Form.Item>
        <Form.Item name="issueId" label={t('disclosures.field.issue')}>
          <Select allowClear placeholder={t('disclosures.field.noIssue')} options={openIssues.map((i) => ({ value: i.id, label: issue(i) }))} data-testid="disclosure-issue" />
        </Form.Item>
      </div>
      <Form.Item name="audience" label={t('disclosures.field.audience')} rules={[{ required: true }]}>
        <Radio.Group options={options(DISCLOSURE_AUDIENCES, DISCLOSURE_AUDIENCE_LABELS)} data-testid="disclosure-audience" />
      </Form.Item>
      <div className="tx-form-row">
        <Form.Item name="visibleFrom" label={t('disclosures.field.visibleFrom')} rules={[{ required: true, message: t('disclosures.field.visibleFrom') }]}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="disclosure-from" />
        </Form.Item>
        <Form.Item name="visibleTo" label={t('disclosures.field.visibleTo')} extra={t('disclosures.field.visibleToHint')}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="disclosure-to" />
        </Form.Item>
      </div>
      <Form.Item name="content" label={t('disclosures.field.content')} extra={t('disclosures.editor.hint')} rules={[{ required: true, message: t('disclosures.field.content') }]}>
        <RichTextEditor label={t('disclosures.field.content')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending || patch.isPending} data-testid="disclosure-save">
        {t('disclosures.saveDraft')}
      </Button>
    </Form>
  );
}

/** /disclosures/new (?issueId= to draft into an issue) and /disclosures/:id/edit (drafts only). */
export default function DisclosureFormPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const item = useDisclosure(id);
  const issues = useIssues();
  const categories = useCategories();
  const title = id ? t('disclosures.editTitle') : t('disclosures.newItem');
  const back = id ? { to: `/disclosures/${id}`, label: item.data?.title ?? t('disclosures.title') } : { to: '/disclosures/manage', label: t('disclosures.manageTitle') };
  if ((id && item.isPending) || issues.isPending || categories.isPending) return <PageSpinner />;
  if (item.error) return <ErrorState error={item.error} onRetry={() => item.refetch()} />;
  return (
    <>
      <PageHeader title={title} back={back} />
      <DisclosureForm item={item.data} issueId={params.get('issueId') ?? undefined} />
    </>
  );
}
