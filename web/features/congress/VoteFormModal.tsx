import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { voteInput, type VoteKind } from '../../../common/congress';
import { msg } from '../../../common/i18n';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { CandidatePicker } from './CandidatePicker';
import { useCreateVote } from './mutations';
import type { Candidate } from './types';

interface Values {
  title: string;
  kind: VoteKind;
  secret: boolean;
  seats?: number;
  candidates?: Candidate[];
}

/** 新建表决: a resolution (赞成/反对/弃权) or an election (seats, candidates); 记名 or 无记名. */
export function VoteFormModal({ sessionId, open, onClose }: { sessionId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const create = useCreateVote(sessionId);
  const kind = Form.useWatch('kind', form);

  const onFinish = ({ candidates, seats, ...v }: Values) => {
    const body = v.kind === 'election' ? { ...v, seats, candidates: (candidates ?? []).map((c) => c.memberId) } : v;
    create.mutate(body, { onSuccess: onClose, onError: (e) => applyApiError(form, e) });
  };

  return (
    <Modal
      open={open}
      title={t('congress.newVote')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'vote-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'resolution', secret: true, seats: 1, candidates: [] }} onFinish={onFinish}>
        <Form.Item name="title" label={t('congress.voteTitle')} rules={[zodRule(voteInput.shape.title, lang)]} required>
          <Input placeholder={t('congress.voteTitlePh')} autoComplete="off" data-testid="vote-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('congress.voteKind')}>
          <Radio.Group
            aria-label={t('congress.voteKind')}
            options={[
              { value: 'resolution', label: t('congress.kind.resolution') },
              { value: 'election', label: t('congress.kind.election') },
            ]}
          />
        </Form.Item>
        <Form.Item name="secret" label={t('congress.ballotType')}>
          <Radio.Group
            aria-label={t('congress.ballotType')}
            options={[
              { value: true, label: t('congress.secret') },
              { value: false, label: t('congress.named') },
            ]}
          />
        </Form.Item>
        {kind === 'election' && (
          <>
            <Form.Item name="seats" label={t('congress.seats')} rules={[{ required: true, message: msg('err.required', lang) }]}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
            <Form.Item
              name="candidates"
              label={t('congress.candidates')}
              required
              rules={[{ validator: async (_r, v?: Candidate[]) => (v?.length ? undefined : Promise.reject(new Error(t('congress.needCandidates')))) }]}
            >
              <CandidatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
