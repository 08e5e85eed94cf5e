import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { sessionInput } from '../../../common/congress';
import { isoDate } from '../../../common/members';
import { applyApiError, emptyToNull, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { dateProps } from './forms';
import { useCreateSession } from './mutations';
import type { TermSummary } from './types';

interface Values {
  termId: string;
  name: string;
  date: string;
  place?: string | null;
}

/** 新建会议 in a term (the current one by default); opens the session page once saved. */
export function SessionFormModal({ open, onClose, terms, termId }: { open: boolean; onClose: () => void; terms: TermSummary[]; termId?: string }) {
  const t = useT();
  const { lang } = usePrefs();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();

  const onFinish = (v: Values) => {
    const { place, ...rest } = emptyToNull(v);
    create.mutate(place ? { ...rest, place } : rest, {
      onSuccess: (s) => {
        onClose();
        navigate(`/congress/sessions/${s.id}`);
      },
      onError: (e) => applyApiError(form, e),
    });
  };

  return (
    <Modal
      open={open}
      title={t('congress.newSession')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'session-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ termId }} onFinish={onFinish}>
        <Form.Item name="termId" label={t('congress.term')} rules={[zodRule(sessionInput.shape.termId, lang)]} required>
          <Select options={terms.map((term) => ({ value: term.id, label: term.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('congress.sessionName')} rules={[zodRule(sessionInput.shape.name, lang)]} required>
          <Input placeholder={t('congress.sessionNamePh')} autoComplete="off" data-testid="session-name" />
        </Form.Item>
        <Form.Item name="date" label={t('congress.date')} rules={[zodRule(isoDate, lang)]} required {...dateProps}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="session-date" />
        </Form.Item>
        <Form.Item name="place" label={t('congress.place')} rules={[zodRule(sessionInput.shape.place, lang)]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
