import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { voteInput, type VoteKind } from '../../../common/congress';
import { msg } from '../../../common/i18n';
import { applyApiError, zodRule } from '../../components/forms';
import { usePrefs, useT } from '../../i18n';
import { CandidatePicker } from './CandidatePicker';
import { useCreateVote, useUpdateVote } from './mutations';
import type { Candidate, Vote } from './types';

interface Values {
  title: string;
  kind: VoteKind;
  secret: boolean;
  seats?: number;
  candidates?: Candidate[];
}

interface Props {
  sessionId: string;
  open: boolean;
  onClose: () => void;
  /** Edit this draft instead of creating a vote. */
  vote?: Vote;
}

/** 新建 / 编辑表决: a resolution (赞成/反对/弃权) or an election (seats, candidates); 记名 or 无记名. */
export function VoteFormModal({ sessionId, open, onClose, vote }: Props) {
  const t = useT();
  const { lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const create = useCreateVote(sessionId);
  const update = useUpdateVote(sessionId);
  const saving = vote ? update : create;
  const kind = Form.useWatch('kind', form);
  const initial: Values = vote
    ? { title: vote.title, kind: vote.kind, secret: vote.secret, seats: vote.seats ?? 1, candidates: vote.candidates }
    : { title: '', kind: 'resolution', secret: true, seats: 1, candidates: [] };

  const onFinish = ({ candidates, seats, ...v }: Values) => {
    const body = v.kind === 'election' ? { ...v, seats, candidates: (candidates ?? []).map((c) => c.memberId) } : v;
    const done = { onSuccess: onClose, onError: (e: Error) => applyApiError(form, e) };
    if (vote) update.mutate({ ...body, voteId: vote.id }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open={open}
      title={vote ? t('congress.editVote') : t('congress.newVote')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving.isPending}
      okButtonProps={{ 'data-testid': 'vote-save' }}
      destroyOnHidden
    >
      {vote && <Alert type="info" showIcon className="cx-alert" title={t('congress.draftOnlyHint')} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={onFinish}>
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
