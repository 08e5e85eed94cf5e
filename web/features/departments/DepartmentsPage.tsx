import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Page } from '../../../common/api';
import { departmentInput, type Department } from '../../../common/departments';
import { api } from '../../app/api';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError, zodRule } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs, useT } from '../../i18n';

const KEY = ['/api/departments'] as const;

/** /departments: the school's 部门 and the accounts that receive their mail (admin and chair). */
export default function DepartmentsPage() {
  const t = useT();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const departments = useQuery({ queryKey: KEY, queryFn: () => api<Page<Department>>('/api/departments') });
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/api/departments/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const onDelete = (d: Department) =>
    modal.confirm({
      title: t('dept.deleteConfirm', { name: d.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => toasted(remove.mutateAsync(d.id)),
    });
  const handlers = (d: Department) => (d.handlers.length ? d.handlers.map((h) => h.name).join('、') : t('dept.noHandlers'));
  const actions = (d: Department) => (
    <span className="tx-actions">
      <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(d)} aria-label={t('dept.editNamed', { name: d.name })}>
        {t('common.edit')}
      </Button>
      <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => onDelete(d)} aria-label={t('dept.deleteNamed', { name: d.name })}>
        {t('common.delete')}
      </Button>
    </span>
  );
  const columns: ColumnsType<Department> = [
    { key: 'name', dataIndex: 'name', title: t('dept.name') },
    { key: 'handlers', title: t('dept.handlers'), render: (_, d) => handlers(d) },
    { key: 'actions', title: t('common.actions'), render: (_, d) => actions(d) },
  ];

  return (
    <>
      <PageHeader
        title={t('dept.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="departments-new">
            {t('dept.new')}
          </Button>
        }
      />
      <div className="tx-panel">
        <p className="tx-tile-hint">{t('dept.intro')}</p>
        {departments.error ? (
          <ErrorState error={departments.error} onRetry={() => departments.refetch()} />
        ) : (
          <DataList<Department>
            label={t('dept.title')}
            rows={departments.data?.items}
            loading={departments.isFetching}
            rowKey={(d) => d.id}
            columns={columns}
            renderCard={(d) => (
              <>
                <div className="tx-card-title">{d.name}</div>
                <div className="tx-card-meta">{handlers(d)}</div>
                <div className="tx-card-actions">{actions(d)}</div>
              </>
            )}
          />
        )}
      </div>
      {editing && <DepartmentModal department={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  name: string;
  handlerUserIds: string[];
}

function DepartmentModal({ department, onClose }: { department?: Department; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const candidates = useQuery({
    queryKey: ['/api/departments/candidates'],
    queryFn: () => api<Page<{ id: string; username: string; name: string }>>('/api/departments/candidates'),
  });
  const save = useMutation({
    mutationFn: (v: Values) => (department ? api<Department>(`/api/departments/${department.id}`, { method: 'PATCH', body: v }) : api<Department>('/api/departments', { method: 'POST', body: v })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (e) => applyApiError(form, e),
  });
  return (
    <Modal open title={department ? t('dept.edit') : t('dept.new')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: department?.name, handlerUserIds: department?.handlers.map((h) => h.userId) ?? [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('dept.name')} rules={[zodRule(departmentInput.shape.name, lang)]} required>
          <Input maxLength={40} data-testid="department-name" />
        </Form.Item>
        <Form.Item name="handlerUserIds" label={t('dept.handlers')}>
          <Select
            mode="multiple"
            loading={candidates.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.username}）` }))}
            data-testid="department-handlers"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
