import { App, Button, Checkbox, Form, Input, Select } from 'antd';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, proposalInput, type Proposal } from '../../../common/proposals';
import { api } from '../../app/api';
import { useUser } from '../../app/auth';
import { notifyError } from '../../app/notify';
import { applyApiError, zodRule } from '../../components/forms';
import { useOptions, usePrefs, useT } from '../../i18n';
import { useSession, useTerm } from '../congress/api';
import { useCreateProposal, useProposalAction, useWindows } from './api';
import { DelegateSelect } from './DelegateSelect';

interface Values {
  title: string;
  reasons: string;
  measures: string;
  category: string;
  sessionId: string;
  coSigners: string[];
  asDelegation?: boolean;
}

const rule = (k: keyof typeof proposalInput.shape, lang: 'zh' | 'en') => [zodRule(proposalInput.shape[k], lang)];

/**
 * 案由, 理由, 措施, category, session (open windows only) and co-signers; saves a draft. A 代表团's
 * head (团长) may make it the delegation's collective proposal when it is first saved.
 */
export function ProposalForm({ proposal, onSaved }: { proposal?: Proposal; onSaved: (p: Proposal) => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const options = useOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const windows = useWindows();
  const create = useCreateProposal();
  const patch = useProposalAction(proposal?.id ?? '', '', 'PATCH');
  const sessionId = Form.useWatch('sessionId', form);
  const user = useUser();
  const term = useTerm(useSession(sessionId).data?.termId);
  const headOf = proposal ? undefined : term.data?.delegations.find((d) => !!user.memberId && d.headMemberId === user.memberId);
  const invited = proposal?.coSigners.map((c) => c.memberId) ?? [];
  const open = (windows.data?.items ?? []).filter((w) => w.open);

  const onFinish = async ({ coSigners, sessionId, asDelegation, ...fields }: Values) => {
    try {
      let saved = proposal
        ? await patch.mutateAsync(fields)
        : await create.mutateAsync({ ...fields, sessionId, ...(asDelegation && headOf ? { delegationId: headOf.id } : {}) });
      const fresh = (coSigners ?? []).filter((m) => !invited.includes(m));
      if (fresh.length) {
        // Not a mutation (the id is only known now), so show its failure here; the draft is saved.
        saved = await api<Proposal>(`/api/proposals/${saved.id}/cosigners`, { method: 'POST', body: { memberIds: fresh } }).catch((e: unknown) => {
          notifyError(e);
          throw e;
        });
      }
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={
        proposal
          ? { ...proposal, coSigners: invited }
          : { sessionId: open.length === 1 ? open[0].sessionId : undefined, coSigners: [] }
      }
    >
      <Form.Item name="sessionId" label={t('field.session')} rules={[{ required: true, message: t('proposals.noWindow') }]} extra={!windows.isPending && !open.length ? t('proposals.noWindow') : undefined}>
        <Select
          disabled={!!proposal}
          data-testid="proposal-session"
          options={(proposal ? [{ sessionId: proposal.sessionId, sessionName: proposal.sessionName }] : open).map((w) => ({
            value: w.sessionId,
            label: 'opensOn' in w ? t('proposals.windowOf', { name: w.sessionName, from: String(w.opensOn), to: String(w.closesOn) }) : w.sessionName,
          }))}
        />
      </Form.Item>
      {headOf && (
        <Form.Item name="asDelegation" valuePropName="checked" extra={t('proposals.asDelegationHint')}>
          <Checkbox data-testid="proposal-as-delegation">{t('proposals.asDelegation', { d: headOf.name })}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="title" label={t('field.proposalTitle')} rules={rule('title', lang)}>
        <Input maxLength={100} showCount data-testid="proposal-title" />
      </Form.Item>
      <Form.Item name="category" label={t('field.category')} rules={rule('category', lang)}>
        <Select options={options(PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS)} data-testid="proposal-category" />
      </Form.Item>
      <Form.Item name="reasons" label={t('field.reasons')} rules={rule('reasons', lang)}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="proposal-reasons" />
      </Form.Item>
      <Form.Item name="measures" label={t('field.measures')} rules={rule('measures', lang)}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="proposal-measures" />
      </Form.Item>
      <Form.Item name="coSigners" label={t('field.inviteCoSigners')} extra={t('proposals.coSignersHint')}>
        <DelegateSelect sessionId={sessionId} locked={invited} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending || patch.isPending} data-testid="proposal-save">
        {t('proposals.saveDraft')}
      </Button>
    </Form>
  );
}
