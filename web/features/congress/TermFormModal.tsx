import { DatePicker, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { sessionInput } from '../../../common/congress';
import { isoDate } from '../../../common/members';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { dateProps } from './forms';
import { useCreateTerm, useUpdateTerm, type TermValues } from './mutations';
import type { TermSummary } from './types';
import { useSchoolNow } from '../../app/today';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Edit this term; without it, create one and open its page. */
  term?: TermSummary;
}

/** 新建 / 编辑届次: name and dates (a term usually lasts 3 or 5 years; the term page warns otherwise). */
export function TermFormModal({ open, onClose, term }: Props) {
  const now = useSchoolNow();
  const t = useT();
  const { lang } = usePrefs();
  const navigate = useNavigate();
  const [form] = Form.useForm<TermValues>();
  const create = useCreateTerm();
  const update = useUpdateTerm(term?.id ?? '');
  const saving = term ? update : create;
  const initial = term
    ? { name: term.name, startDate: term.startDate, endDate: term.endDate }
    : { startDate: now.format('YYYY-MM-DD'), endDate: now.add(5, 'year').format('YYYY-MM-DD') };

  const onFinish = (v: TermValues) => {
    const onError = (e: Error) => applyApiError(form, e);
    if (term) update.mutate(v, { onSuccess: onClose, onError });
    else {
      create.mutate(v, {
        onSuccess: (created) => {
          onClose();
          navigate(`/congress/terms/${created.id}`);
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open={open}
      title={term ? t('congress.editTerm') : t('congress.newTerm')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving.isPending}
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
