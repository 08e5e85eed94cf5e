import './disclosures.css';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { DisclosureCategory } from '../../../common/disclosures';
import { toasted } from '../../app/notify';
import { applyApiError } from '../../components/forms';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useCategories, useDisclosureRequest, useDisclosureWrite } from './api';
import { useCategoryName } from './parts';

type Patch = { name?: string; disabled?: boolean; position?: number };

/** /disclosures/categories: DOMAIN.md's list to start with; the school renames, reorders, adds, disables. */
export default function CategoriesPage() {
  const t = useT();
  const name = useCategoryName();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<DisclosureCategory | null>(null);
  const categories = useCategories();
  const create = useDisclosureWrite<{ name: string }, DisclosureCategory>('/api/disclosure-categories');
  const request = useDisclosureRequest();
  const rows = categories.data?.items ?? [];
  const path = (c: DisclosureCategory) => `/api/disclosure-categories/${c.id}`;
  const update = (c: DisclosureCategory, patch: Patch) => request.mutateAsync({ path: path(c), method: 'PATCH', body: patch });
  // Positions are rewritten for the two rows only; the list comes back sorted by position.
  const swap = (a: number, b: number) => toasted(Promise.all([update(rows[a], { position: b }), update(rows[b], { position: a })]));

  const columns: ColumnsType<DisclosureCategory> = [
    { key: 'name', title: t('disclosures.categoryName'), render: (_, c) => name(c) },
    { key: 'items', title: t('disclosures.categoryItems'), dataIndex: 'items', align: 'right' },
    {
      key: 'enabled',
      title: t('disclosures.categoryEnabled'),
      render: (_, c) => <Switch checked={!c.disabled} aria-label={`${t('disclosures.categoryEnabled')} ${c.name}`} onChange={(on) => toasted(update(c, { disabled: !on }))} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c, i) => (
        <span className="dx-actions">
          <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={`${t('disclosures.moveUp')} ${c.name}`} disabled={i === 0} onClick={() => swap(i, i - 1)} />
          <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={`${t('disclosures.moveDown')} ${c.name}`} disabled={i === rows.length - 1} onClick={() => swap(i, i + 1)} />
          <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={`${t('disclosures.rename')} ${c.name}`} onClick={() => setRenaming(c)} />
          {c.items === 0 && (
            <Popconfirm title={t('disclosures.deleteCategoryConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => toasted(request.mutateAsync({ path: path(c), method: 'DELETE' }))}>
              <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} ${c.name}`} />
            </Popconfirm>
          )}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('disclosures.categoriesTitle')} back={{ to: '/disclosures/manage', label: t('disclosures.manageTitle') }} />
      <div className="tx-panel">
        <p className="dx-muted">{t('disclosures.categoryHint')}</p>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8, marginBottom: 16 }}
          onFinish={(v) =>
            create
              .mutateAsync(v)
              .then(() => (form.resetFields(), message.success(t('common.saved'))))
              .catch((e: unknown) => applyApiError(form, e))
          }
        >
          <Form.Item name="name" label={t('disclosures.addCategory')} rules={[{ required: true, whitespace: true, message: t('disclosures.categoryName') }]}>
            <Input maxLength={30} data-testid="category-name" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={create.isPending}>
            {t('disclosures.addCategory')}
          </Button>
        </Form>
        {categories.error ? (
          <ErrorState error={categories.error} onRetry={() => categories.refetch()} />
        ) : (
          <Table<DisclosureCategory> size="small" rowKey="id" columns={columns} dataSource={rows} loading={categories.isFetching || request.isPending} pagination={false} />
        )}
      </div>
      <Modal
        open={!!renaming}
        title={t('disclosures.rename')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setRenaming(null)}
        onOk={() => renameForm.submit()}
        destroyOnHidden
      >
        <Form
          form={renameForm}
          layout="vertical"
          initialValues={{ name: renaming?.name }}
          onFinish={(v) =>
            update(renaming!, { name: v.name })
              .then(() => setRenaming(null))
              .catch((e: unknown) => applyApiError(renameForm, e))
          }
        >
          <Form.Item name="name" label={t('disclosures.categoryName')} rules={[{ required: true, whitespace: true, message: t('disclosures.categoryName') }]}>
            <Input maxLength={30} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
