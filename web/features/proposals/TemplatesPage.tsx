import './proposals.css';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { TEMPLATE_KINDS, templateInput, type ProposalTemplate } from '../../../common/proposals';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError, zodRule } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs, useT } from '../../i18n';
import { useSaveTemplate, useTemplates } from './api';

type Fields = Omit<ProposalTemplate, 'id'>;
const rule = (k: keyof typeof templateInput.shape, lang: 'zh' | 'en') => [zodRule(templateInput.shape[k], lang)];

/** /proposals/templates: the committee's decision reasons and the handlers' reply texts, ready to insert. */
export default function TemplatesPage() {
  const t = useT();
  const { message } = App.useApp();
  const templates = useTemplates();
  const save = useSaveTemplate();
  const [editing, setEditing] = useState<ProposalTemplate | 'new' | null>(null);

  const kindLabel = (k: ProposalTemplate['kind']) => t(`templateKind.${k}`);
  const actions = (x: ProposalTemplate) => (
    <Space>
      <Button type="text" icon={<EditOutlined aria-hidden />} aria-label={`${t('common.edit')} ${x.name}`} onClick={() => setEditing(x)} data-testid="template-edit" />
      <Popconfirm
        title={t('proposals.templateDeleteConfirm', { name: x.name })}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        onConfirm={() => toasted(save.mutateAsync({ id: x.id, remove: true }).then(() => message.success(t('common.saved'))))}
      >
        <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} ${x.name}`} data-testid="template-delete" />
      </Popconfirm>
    </Space>
  );
  const columns: ColumnsType<ProposalTemplate> = [
    { key: 'kind', title: t('field.templateKind'), render: (_, x) => kindLabel(x.kind), className: 'tx-nowrap' },
    { key: 'name', title: t('field.templateName'), dataIndex: 'name' },
    { key: 'body', title: t('field.templateBody'), render: (_, x) => <span className="tx-prose">{x.body}</span> },
    { key: 'actions', title: t('common.actions'), render: (_, x) => actions(x) },
  ];

  return (
    <>
      <PageHeader
        title={t('proposals.templatesTitle')}
        back={{ to: '/proposals', label: t('proposals.title') }}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="template-new">
            {t('proposals.templateNew')}
          </Button>
        }
      />
      <div className="tx-panel">
        <p className="tx-muted">{t('proposals.templatesHint')}</p>
        {templates.error ? (
          <ErrorState error={templates.error} onRetry={() => templates.refetch()} />
        ) : (
          <DataList<ProposalTemplate>
            label={t('proposals.templatesTitle')}
            rows={templates.data?.items}
            loading={templates.isFetching}
            rowKey={(x) => x.id}
            columns={columns}
            renderCard={(x) => (
              <>
                <div className="tx-card-title">{x.name}</div>
                <div className="tx-card-meta">
                  <span>{kindLabel(x.kind)}</span>
                </div>
                <p className="tx-prose">{x.body}</p>
                {actions(x)}
              </>
            )}
          />
        )}
      </div>
      {editing && <TemplateModal template={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function TemplateModal({ template, onClose }: { template?: ProposalTemplate; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const save = useSaveTemplate();
  const onFinish = (v: Fields) =>
    save.mutate(
      { ...v, id: template?.id },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => applyApiError(form, e),
      },
    );
  return (
    <Modal
      open
      title={template ? t('proposals.templateEdit') : t('proposals.templateNew')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'template-save' }}
      destroyOnHidden
    >
      <Form<Fields> form={form} layout="vertical" initialValues={template ?? { kind: 'decision' }} onFinish={onFinish}>
        <Form.Item name="kind" label={t('field.templateKind')} rules={rule('kind', lang)}>
          <Radio.Group options={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`templateKind.${k}`) }))} data-testid="template-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('field.templateName')} rules={rule('name', lang)}>
          <Input maxLength={60} data-testid="template-name" />
        </Form.Item>
        <Form.Item name="body" label={t('field.templateBody')} rules={rule('body', lang)}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="template-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
