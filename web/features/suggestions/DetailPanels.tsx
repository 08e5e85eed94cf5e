import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Switch } from 'antd';
import type { Page } from '../../../common/api';
import type { Suggestion } from '../../../common/suggestions';
import { api } from '../../app/api';
import { toasted } from '../../app/notify';
import { useDebounced } from '../../components/hooks';
import { useT, type TextKey } from '../../i18n';
import { useSuggestionAction } from './api';

function Panel({ id, title, children }: { id: string; title: TextKey; children: ReactNode }) {
  const t = useT();
  return (
    <section className="tx-panel" aria-labelledby={id}>
      <h2 className="tx-h2" id={id}>
        {t(title)}
      </h2>
      {children}
    </section>
  );
}

/** A handler's reply or the named writer's message back: one box, one button. */
export function MessageForm({ id, action, label, placeholder, submit }: { id: string; action: 'replies' | 'messages'; label: TextKey; placeholder?: TextKey; submit: TextKey }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const send = useSuggestionAction<{ body: string }>(id, action);
  return (
    <Form form={form} layout="vertical" onFinish={(v) => toasted(send.mutateAsync(v).then(() => (form.resetFields(), message.success(t('common.saved')))))}>
      <Form.Item name="body" label={t(label)} rules={[{ required: true, whitespace: true, message: t(label) }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={action === 'replies' ? 5000 : 2000} placeholder={placeholder && t(placeholder)} data-testid={`sug-${action}-input`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending} data-testid={`sug-${action}-send`}>
        {t(submit)}
      </Button>
    </Form>
  );
}

/** 处理中 / 关闭 / 重新打开. */
export function StatusPanel({ s }: { s: Suggestion }) {
  const t = useT();
  const status = useSuggestionAction<{ status: 'in_progress' | 'closed' }>(s.id, 'status');
  const to = (next: 'in_progress' | 'closed') => toasted(status.mutateAsync({ status: next }));
  return (
    <Panel id="sug-status" title="sug.status">
      <div className="tx-sug-actions">
        {s.status === 'pending' && (
          <Button onClick={() => to('in_progress')} loading={status.isPending} data-testid="sug-take-up">
            {t('sug.takeUp')}
          </Button>
        )}
        {s.status === 'closed' ? (
          <Button onClick={() => to('in_progress')} loading={status.isPending} data-testid="sug-reopen">
            {t('sug.reopen')}
          </Button>
        ) : (
          <Popconfirm title={t('sug.closeConfirm')} okText={t('sug.close')} cancelText={t('common.cancel')} onConfirm={() => to('closed')}>
            <Button danger data-testid="sug-close">
              {t('sug.close')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Panel>
  );
}

/** Publish the question and answer (edited to leave out anything identifying) on the 回音壁, or take them down. */
export function WallPanel({ s }: { s: Suggestion }) {
  const t = useT();
  const wall = useSuggestionAction<{ published: boolean; question?: string; answer?: string }>(s.id, 'wall');
  const lastReply = [...s.messages].reverse().find((m) => m.by === 'handler');
  const blocked = !lastReply ? 'sug.wallNeedsAnswer' : s.wallConsent === false ? 'sug.wallNeedsConsent' : null;
  return (
    <Panel id="sug-wall" title="sug.wallPanel">
      {blocked && !s.wall ? (
        <p className="tx-sug-muted">{t(blocked)}</p>
      ) : (
        <Form
          layout="vertical"
          initialValues={{ question: s.wall?.question ?? s.title, answer: s.wall?.answer ?? lastReply?.body }}
          onFinish={(v: { question: string; answer: string }) => toasted(wall.mutateAsync({ published: true, ...v }))}
        >
          <p className="tx-sug-muted">{s.wall ? `${t('sug.onWall')} · ${s.wall.publishedOn}` : t('sug.wallEditHint')}</p>
          <Form.Item name="question" label={t('sug.wallQuestion')} rules={[{ required: true, whitespace: true, message: t('sug.wallQuestion') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="sug-wall-question" />
          </Form.Item>
          <Form.Item name="answer" label={t('sug.wallAnswer')} rules={[{ required: true, whitespace: true, message: t('sug.wallAnswer') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="sug-wall-answer" />
          </Form.Item>
          <div className="tx-sug-actions">
            <Button type="primary" htmlType="submit" loading={wall.isPending} disabled={!!blocked} data-testid="sug-publish">
              {t('sug.publish')}
            </Button>
            {s.wall && (
              <Button onClick={() => toasted(wall.mutateAsync({ published: false }))} data-testid="sug-unpublish">
                {t('sug.unpublish')}
              </Button>
            )}
          </div>
        </Form>
      )}
    </Panel>
  );
}

/** The proposal this suggestion became or fed into (the proposals the caller can see). */
export function ProposalPanel({ s }: { s: Suggestion }) {
  const t = useT();
  const link = useSuggestionAction<{ proposalId: string | null }>(s.id, 'proposal');
  const [q, setQ] = useState('');
  const term = useDebounced(q);
  const proposals = useQuery({
    queryKey: ['/api/proposals', 'pick', term],
    queryFn: () => api<Page<{ id: string; title: string }>>('/api/proposals', { query: { q: term, pageSize: 30 } }),
    enabled: !s.proposal,
  });
  return (
    <Panel id="sug-proposal" title="sug.proposal">
      {s.proposal ? (
        <div className="tx-sug-actions">
          <span>{s.proposal.title}</span>
          <Button size="small" onClick={() => toasted(link.mutateAsync({ proposalId: null }))} data-testid="sug-unlink">
            {t('sug.unlink')}
          </Button>
        </div>
      ) : (
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          aria-label={t('sug.pickProposal')}
          placeholder={t('sug.pickProposal')}
          style={{ width: '100%' }}
          loading={proposals.isFetching}
          options={(proposals.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          onChange={(proposalId: string) => toasted(link.mutateAsync({ proposalId }))}
          data-testid="sug-proposal"
        />
      )}
    </Panel>
  );
}

/** The named writer's say over the 回音壁. */
export function ConsentPanel({ s }: { s: Suggestion }) {
  const t = useT();
  const consent = useSuggestionAction<{ consent: boolean }>(s.id, 'wall-consent');
  return (
    <Panel id="sug-consent" title="sug.wallPanel">
      <label className="tx-sug-actions" style={{ alignItems: 'center' }}>
        <Switch checked={!!s.wallConsent} loading={consent.isPending} onChange={(v) => toasted(consent.mutateAsync({ consent: v }))} data-testid="sug-consent" />
        <span>{t('sug.consent')}</span>
      </label>
      {s.wall && <p className="tx-sug-muted">{`${t('sug.onWall')} · ${s.wall.publishedOn}`}</p>}
    </Panel>
  );
}
