import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssignInput, Proposal } from '../../../common/proposals';
import { toasted } from '../../app/notify';
import { useT } from '../../i18n';
import { useHandlers, useProposalAction } from './api';
import { useSchoolNow } from '../../app/today';

interface Values {
  department: string;
  handlerUserId: string;
  deadline: Dayjs;
  assists?: { department: string; handlerUserId: string }[];
}

/** 交办: a 主办 department and handler with a deadline, and optional 协办 departments. */
export function AssignPanel({ p }: { p: Proposal }) {
  const now = useSchoolNow();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handlers = useHandlers();
  const assign = useProposalAction<AssignInput>(p.id, 'assign');
  const handlerOptions = (handlers.data?.items ?? []).map((u) => ({ value: u.id, label: u.memberName ? `${u.memberName}（${u.username}）` : u.username }));
  const handlerSelect = (testid: string, aria?: string) => (
    <Select aria-label={aria} options={handlerOptions} loading={handlers.isFetching} showSearch={{ optionFilterProp: 'label' }} data-testid={testid} />
  );
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];

  const onFinish = ({ deadline, ...v }: Values) =>
    toasted(assign.mutateAsync({ ...v, deadline: deadline.format('YYYY-MM-DD') }).then(() => message.success(t('common.saved'))));

  return (
    <section className="tx-panel" aria-labelledby="proposal-assign">
      <h2 className="tx-h2" id="proposal-assign">
        {p.state === 'assigned' ? t('proposals.reassign') : t('proposals.assign')}
      </h2>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          department: p.department ?? undefined,
          handlerUserId: p.handlerUserId ?? undefined,
          deadline: p.deadline ? dayjs(p.deadline) : undefined,
          assists: p.assists,
        }}
      >
        <div className="tx-form-row">
          <Form.Item name="department" label={`${t('proposals.lead')} · ${t('proposals.department')}`} rules={required('proposals.department')}>
            <Input maxLength={60} data-testid="assign-department" />
          </Form.Item>
          <Form.Item name="handlerUserId" label={t('field.handler')} rules={required('field.handler')}>
            {handlerSelect('assign-handler')}
          </Form.Item>
          <Form.Item name="deadline" label={t('field.deadline')} rules={[{ required: true, message: t('field.deadline') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(now, 'day')} data-testid="assign-deadline" />
          </Form.Item>
        </div>
        <Form.List name="assists">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div className="tx-form-row" key={f.key}>
                  <Form.Item name={[f.name, 'department']} label={`${t('proposals.assist')} ${i + 1} · ${t('proposals.department')}`} rules={required('proposals.department')}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'handlerUserId']} label={`${t('proposals.assist')} ${i + 1} · ${t('field.handler')}`} rules={required('field.handler')}>
                    {handlerSelect(`assign-assist-handler-${i}`)}
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('proposals.removeAssist')} onClick={() => remove(f.name)} className="tx-row-remove" />
                </div>
              ))}
              {fields.length < 5 && (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()} data-testid="assign-add-assist">
                  {t('proposals.addAssist')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <div className="tx-form-actions">
          <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="assign-submit">
            {t('proposals.assign')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
