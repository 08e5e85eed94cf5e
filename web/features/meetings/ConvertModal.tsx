import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS } from '../../../common/cases';
import type { Meeting, Opinion, OpinionTarget } from '../../../common/meetings';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, type ProposalWindow } from '../../../common/proposals';
import { ADDRESSEE_LABELS, SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS } from '../../../common/suggestions';
import { api } from '../../app/api';
import { applyApiError } from '../../components/forms';
import { MemberSelect } from '../../components/MemberSelect';
import { useLabel, useOptions, useT } from '../../i18n';
import { useDepartments } from '../suggestions/api';
import { useMeetingWrite } from './api';

interface Values {
  title: string;
  category: string;
  to?: string;
  sessionId?: string;
  proposerMemberId?: string;
}

const HINTS = { suggestion: 'mtg.toSuggestionHint', proposal: 'mtg.toProposalHint', case: 'mtg.toCaseHint' } as const;

/** Passes one opinion on: to the 意见箱 in the union's name, as a proposal draft for a delegate, or as a rights case. */
export function ConvertModal({ meetingId, opinion, onClose }: { meetingId: string; opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<OpinionTarget>('suggestion');
  const convert = useMeetingWrite<Values, Meeting>(`/api/meetings/${meetingId}/opinions/${opinion.id}/${kind}`, 'POST', { inlineError: true });
  const departments = useDepartments();
  const windows = useQuery({ queryKey: ['/api/proposal-windows'], queryFn: () => api<{ items: ProposalWindow[] }>('/api/proposal-windows'), enabled: kind === 'proposal' });
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];

  const onOk = async () => {
    const v = await form.validateFields();
    try {
      await convert.mutateAsync(v);
      message.success(t('mtg.converted'));
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <Modal open title={t('mtg.convert')} okText={t('mtg.convert')} okButtonProps={{ loading: convert.isPending, 'data-testid': 'convert-ok' }} onOk={onOk} onCancel={onClose} destroyOnHidden>
      <p className="tx-mtg-opinion-text">{opinion.content}</p>
      <Radio.Group
        value={kind}
        onChange={(e) => {
          setKind(e.target.value);
          form.setFieldValue('category', undefined);
        }}
        optionType="button"
        options={[
          { value: 'suggestion', label: t('mtg.toSuggestion') },
          { value: 'proposal', label: t('mtg.toProposal') },
          { value: 'case', label: t('mtg.toCase') },
        ]}
        data-testid="convert-kind"
      />
      <p className="tx-mtg-hint">{t(HINTS[kind])}</p>
      <Form form={form} layout="vertical" initialValues={{ title: opinion.content.slice(0, 30), to: 'union' }}>
        <Form.Item name="title" label={t('mtg.subject')} rules={required('mtg.subject')}>
          <Input maxLength={100} data-testid="convert-title" />
        </Form.Item>
        {kind === 'suggestion' ? (
          <>
            <Form.Item name="to" label={t('mtg.to')} rules={[{ required: true, message: t('mtg.to') }]}>
              <Select
                data-testid="convert-to"
                options={[
                  { value: 'union', label: label(ADDRESSEE_LABELS, 'union') },
                  { value: 'principal', label: label(ADDRESSEE_LABELS, 'principal') },
                  ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
                ]}
              />
            </Form.Item>
            <Form.Item name="category" label={t('mtg.category')} initialValue="other">
              <Select options={options(SUGGESTION_CATEGORIES, SUGGESTION_CATEGORY_LABELS)} data-testid="convert-category" />
            </Form.Item>
          </>
        ) : kind === 'case' ? (
          <Form.Item name="category" label={t('mtg.category')} rules={[{ required: true, message: t('mtg.category') }]}>
            <Select options={options(CASE_CATEGORIES, CASE_CATEGORY_LABELS)} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="sessionId" label={t('mtg.session')} rules={[{ required: true, message: t('mtg.session') }]}>
              <Select loading={windows.isPending} options={(windows.data?.items ?? []).map((w) => ({ value: w.sessionId, label: w.sessionName }))} />
            </Form.Item>
            <Form.Item name="proposerMemberId" label={t('mtg.proposer')} rules={[{ required: true, message: t('mtg.proposer') }]}>
              <MemberSelect />
            </Form.Item>
            <Form.Item name="category" label={t('mtg.category')} rules={[{ required: true, message: t('mtg.category') }]}>
              <Select options={options(PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS)} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
