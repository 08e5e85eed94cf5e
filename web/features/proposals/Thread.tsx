import { Button, Form, Input } from 'antd';
import type { ProposalPost } from '../../../common/proposals';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { useT, type TextKey } from '../../i18n';
import { useProposalAction } from './api';

interface Props {
  proposalId: string;
  kind: 'messages' | 'notes';
  posts: ProposalPost[];
  canWrite: boolean;
}

const TEXT: Record<Props['kind'], { title: TextKey; field: TextKey; hint?: TextKey }> = {
  messages: { title: 'proposals.messages', field: 'proposals.newMessage' },
  notes: { title: 'proposals.notes', field: 'proposals.newNote', hint: 'proposals.notesHint' },
};

/** The proposer–handler messages, or the committee's private notes: same list, same box. */
export function Thread({ proposalId, kind, posts, canWrite }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ body: string }>();
  const send = useProposalAction<{ body: string }>(proposalId, kind);
  const text = TEXT[kind];
  if (!posts.length && !canWrite) return null;
  return (
    <section className="tx-panel" aria-labelledby={`proposal-${kind}`}>
      <h2 className="tx-h2" id={`proposal-${kind}`}>
        {t(text.title)} {text.hint && <span className="tx-muted">{t(text.hint)}</span>}
      </h2>
      <ol className="tx-thread" data-testid={`proposal-${kind}`}>
        {posts.map((m) => (
          <li key={m.id}>
            <div className="tx-muted">
              {m.authorName ?? '—'} · {formatTime(m.createdAt)}
            </div>
            <p className="tx-prose">{m.body}</p>
          </li>
        ))}
      </ol>
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={(v) => toasted(send.mutateAsync(v).then(() => form.resetFields()))}>
          <Form.Item name="body" label={t(text.field)} rules={[{ required: true, whitespace: true, message: t(text.field) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid={`proposal-${kind}-input`} />
          </Form.Item>
          <Button htmlType="submit" loading={send.isPending} data-testid={`proposal-${kind}-send`}>
            {t('proposals.send')}
          </Button>
        </Form>
      )}
    </section>
  );
}
