import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { sessionInput } from '../../../common/congress';
import { isoDate } from '../../../common/members';
import { applyApiError, emptyToNull, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { dateProps } from './forms';
import { useCreateSession, useUpdateSession, type SessionValues } from './mutations';
import type { SessionDetail, TermSummary } from './types';

type Values = SessionValues & { termId: string };

interface Props {
  open: boolean;
  onClose: () => void;
  /** New session: the terms to choose from, the current one preselected. */
  terms?: TermSummary[];
  termId?: string;
  /** Edit this session instead: name, date, place (it stays in its term). */
  session?: SessionDetail;
}

/** 新建会议 (then opens the session page) or 编辑会议. */
export function SessionFormModal({ open, onClose, terms = [], termId, session }: Props) {
  const t = useT();
  const { lang } = usePrefs();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const saving = session ? update : create;
  const initial = session ? { name: session.name, date: session.date, place: session.place } : { termId };

  const onFinish = (v: Values) => {
    const { place, termId: chosenTerm, ...rest } = emptyToNull(v);
    const onError = (e: Error) => applyApiError(form, e);
    if (session) {
      update.mutate({ ...rest, place }, { onSuccess: onClose, onError });
      return;
    }
    create.mutate(
      { ...rest, termId: chosenTerm, ...(place ? { place } : {}) },
      {
        onSuccess: (s) => {
          onClose();
          navigate(`/congress/sessions/${s.id}`);
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={session ? t('congress.editSession') : t('congress.newSession')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving.isPending}
      okButtonProps={{ 'data-testid': 'session-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={onFinish}>
        {!session && (
          <Form.Item name="termId" label={t('congress.term')} rules={[zodRule(sessionInput.shape.termId, lang)]} required>
            <Select options={terms.map((term) => ({ value: term.id, label: term.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('congress.sessionName')} rules={[zodRule(sessionInput.shape.name, lang)]} required>
          <Input placeholder={t('congress.sessionNamePh')} autoComplete="off" data-testid="session-name" />
        </Form.Item>
        <Form.Item name="date" label={t('congress.date')} rules={[zodRule(isoDate, lang)]} required {...dateProps}>
          <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" data-testid="session-date" />
        </Form.Item>
        <Form.Item name="place" label={t('congress.place')} rules={[zodRule(sessionInput.shape.place, lang)]}>
          <Input autoComplete="off" data-testid="session-place" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
