import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { sessionInput } from '../../../common/congress';
import { isoDate } from '../../../common/members';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { dateProps } from './forms';
import { useCreateTerm } from './mutations';

interface Values {
  name: string;
  startDate: string;
  endDate: string;
}

/** 新建届次: name and dates (a term usually lasts 3 or 5 years; the server warns otherwise). */
export function TermFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateTerm();
  const start = dayjs().format('YYYY-MM-DD');
  const initial = { startDate: start, endDate: dayjs().add(5, 'year').format('YYYY-MM-DD') };

  const onFinish = (v: Values) =>
    create.mutate(v, {
      onSuccess: (term) => {
        onClose();
        navigate(`/congress/terms/${term.id}`);
      },
      onError: (e) => applyApiError(form, e),
    });

  return (
    <Modal
      open={open}
      title={t('congress.newTerm')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'term-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={onFinish}>
        <Form.Item name="name" label={t('congress.termName')} rules={[zodRule(sessionInput.shape.name, lang)]} required>
          <Input placeholder={t('congress.termNamePh')} autoComplete="off" data-testid="term-name" />
        </Form.Item>
        <Form.Item name="startDate" label={t('congress.start')} rules={[zodRule(isoDate, lang)]} required {...dateProps}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="endDate" label={t('congress.end')} extra={t('congress.termLengthHint')} rules={[zodRule(isoDate, lang)]} required {...dateProps}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
