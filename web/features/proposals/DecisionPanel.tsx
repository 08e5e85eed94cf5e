import { useState } from 'react';
import { App, Button, Form, Input, Radio, Select, Space, type FormInstance } from 'antd';
import { PROPOSAL_DECISIONS, type DecisionInput, type Proposal, type ProposalDecision } from '../../../common/proposals';
import { toasted } from '../../app/notify';
import { useDebounced } from '../../components/hooks';
import { useT } from '../../i18n';
import { useProposalAction, useProposalOptions, usePublish, useTemplates } from './api';

export type DecisionValues = { decision: ProposalDecision; reason?: string; mergeIntoId?: string };
const KEY = (d: ProposalDecision) => `decision.${d}` as const;

/** The committee decides a submitted proposal: drafted for a joint publication, or published now. */
export function DecisionPanel({ p, canPublish }: { p: Proposal; canPublish: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useProposalAction<DecisionInput>(p.id, 'decision');
  const draft = p.draftDecision;

  const send = (publishNow: boolean) =>
    form.validateFields().then((v) => toasted(decide.mutateAsync({ ...v, publish: publishNow }).then(() => message.success(t('common.saved')))));

  return (
    <section className="tx-panel" aria-labelledby="proposal-decide">
      <h2 className="tx-h2" id="proposal-decide">
        {t('proposals.decision')}
      </h2>
      {draft && (
        <p className="tx-inline-note" data-testid="proposal-draft-decision">
          {t('proposals.draftPending', { d: t(KEY(draft.decision)) })}
          {draft.reason ? `：${draft.reason}` : ''}
        </p>
      )}
      <Form<DecisionValues> form={form} layout="vertical" initialValues={draft ? { decision: draft.decision, reason: draft.reason ?? undefined, mergeIntoId: draft.mergeIntoId ?? undefined } : undefined}>
        <DecisionFields form={form} exclude={[p.id]} />
        <Space wrap>
          <Button loading={decide.isPending} onClick={() => send(false)} data-testid="decision-draft">
            {t('proposals.draftDecision')}
          </Button>
          <Button type="primary" loading={decide.isPending} onClick={() => send(true)} data-testid="decision-publish">
            {t('proposals.publishDecision')}
          </Button>
          {canPublish && <PublishDraft id={p.id} />}
        </Space>
      </Form>
    </section>
  );
}

/**
 * The decision, the proposal to merge into (for 并案; not one of `exclude`), a template and the reason:
 * the same fields for one proposal and for a batch.
 */
export function DecisionFields({ form, exclude }: { form: FormInstance<DecisionValues>; exclude: string[] }) {
  const t = useT();
  const decision = Form.useWatch('decision', form);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const targets = useProposalOptions(q, decision === 'merged');
  const templates = useTemplates('decision');
  return (
    <>
      <Form.Item name="decision" label={t('proposals.decide')} rules={[{ required: true, message: t('proposals.decide') }]}>
        <Radio.Group data-testid="decision-choice" options={PROPOSAL_DECISIONS.map((d) => ({ value: d, label: t(KEY(d)) }))} />
      </Form.Item>
      {decision === 'merged' && (
        <Form.Item name="mergeIntoId" label={t('proposals.mergeInto')} rules={[{ required: true, message: t('proposals.mergeInto') }]}>
          <Select
            data-testid="decision-merge-into"
            showSearch={{ onSearch: setSearch, filterOption: false }}
            loading={targets.isFetching}
            options={(targets.data?.items ?? [])
              .filter((o) => !exclude.includes(o.id) && (o.state === 'submitted' || o.state === 'accepted'))
              .map((o) => ({ value: o.id, label: o.title }))}
          />
        </Form.Item>
      )}
      {!!templates.data?.items.length && (
        <Form.Item label={t('proposals.template')}>
          <Select
            aria-label={t('proposals.template')}
            data-testid="decision-template"
            options={templates.data.items.map((x) => ({ value: x.body, label: x.name }))}
            onChange={(body: string) => form.setFieldValue('reason', body)}
          />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('proposals.reason')} rules={[{ required: decision === 'rejected', whitespace: true, message: t('proposals.reason') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="decision-reason" />
      </Form.Item>
    </>
  );
}

function PublishDraft({ id }: { id: string }) {
  const t = useT();
  const publish = usePublish();
  return (
    <Button loading={publish.isPending} onClick={() => toasted(publish.mutateAsync([id]))} data-testid="decision-publish-draft">
      {t('proposals.publishDraft')}
    </Button>
  );
}
