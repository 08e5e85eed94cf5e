import './meetings.css';
import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { MeetingType } from '../../../common/meetings';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useMeetingWrite, useTypes } from './api';

/** /meetings/types: the school's meeting types; a used one is retired, never deleted. */
export default function TypesPage() {
  const t = useT();
  const { message } = App.useApp();
  const types = useTypes();
  const [form] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const add = useMeetingWrite<{ name: string }>('/api/meeting-types', 'POST', { inlineError: true });
  const patch = useMeetingWrite<{ id: string; name?: string; retired?: boolean }>(({ id }) => `/api/meeting-types/${id}`, 'PATCH');
  const remove = useMeetingWrite<string>((id) => `/api/meeting-types/${id}`, 'DELETE');

  const onAdd = async (v: { name: string }) => {
    try {
      await add.mutateAsync(v);
      form.resetFields();
      message.success(t('mtg.saved'));
    } catch (e) {
      applyApiError(form, e);
    }
  };
  const rename = async () => {
    if (!renaming) return;
    await patch.mutateAsync({ id: renaming.id, name: renaming.name });
    setRenaming(null);
  };

  return (
    <>
      <PageHeader title={t('mtg.types')} back={{ to: '/meetings', label: t('mtg.title') }} />
      <div className="tx-panel">
        {types.error ? (
          <ErrorState error={types.error} onRetry={() => types.refetch()} />
        ) : (
          <Table<MeetingType>
            size="small"
            rowKey="id"
            loading={types.isPending}
            dataSource={types.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'name',
                title: t('mtg.typeName'),
                render: (_, x) =>
                  renaming?.id === x.id ? (
                    <Space.Compact>
                      <Input value={renaming.name} maxLength={30} aria-label={t('mtg.typeName')} onChange={(e) => setRenaming({ id: x.id, name: e.target.value })} onPressEnter={rename} />
                      <Button type="primary" onClick={rename} loading={patch.isPending}>
                        {t('common.save')}
                      </Button>
                    </Space.Compact>
                  ) : (
                    <>
                      {x.name} {x.retired && <ToneTag tone="grey">{t('mtg.retiredTag')}</ToneTag>}
                    </>
                  ),
              },
              { key: 'used', title: '', render: (_, x) => t('mtg.used', { n: x.used }) },
              {
                key: 'actions',
                title: '',
                render: (_, x) => (
                  <Space wrap>
                    <Button size="small" onClick={() => setRenaming({ id: x.id, name: x.name })}>
                      {t('mtg.rename')}
                    </Button>
                    <Button size="small" onClick={() => patch.mutateAsync({ id: x.id, retired: !x.retired })}>
                      {t(x.retired ? 'mtg.unretire' : 'mtg.retire')}
                    </Button>
                    {x.used === 0 && (
                      <Popconfirm title={t('mtg.remove')} onConfirm={() => remove.mutateAsync(x.id)}>
                        <Button size="small" danger>
                          {t('mtg.remove')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
        <Form form={form} layout="inline" onFinish={onAdd} style={{ marginTop: 16 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('mtg.typeName') }]}>
            <Input placeholder={t('mtg.typeName')} aria-label={t('mtg.typeName')} maxLength={30} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('mtg.addType')}
          </Button>
        </Form>
      </div>
    </>
  );
}
