import { App, Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { PROPOSAL_RATINGS, PROPOSAL_RATING_LABELS, REPLY_CLASSES, REPLY_CLASS_LABELS, type Proposal, type ReplyClass, type ReplyInput } from '../../../common/proposals';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { useLabel, useOptions, useT } from '../../i18n';
import type { ProposalActions } from './actions';
import { useProposalAction, useTemplates } from './api';

/** The handler's replies (with the proposer's rating of each), the reply form and the rating form. */
export function RepliesPanel({ p, can }: { p: Proposal; can: ProposalActions }) {
  const t = useT();
  const label = useLabel();
  if (!p.replies.length && !can.reply) return null;
  return (
    <section className="tx-panel" aria-labelledby="proposal-replies">
      <h2 className="tx-h2" id="proposal-replies">
        {t('proposals.replies')}
      </h2>
      <ol className="tx-thread" data-testid="proposal-replies">
        {p.replies.map((r) => (
          <li key={r.id}>
            <div className="tx-muted">
              {t('proposals.tlReply', { n: r.round, c: label(REPLY_CLASS_LABELS, r.class) })} · {r.authorName ?? '—'} · {formatTime(r.createdAt)}
            </div>
            <p className="tx-prose">{r.content}</p>
            {r.plannedDate && <p>{`${t('field.plannedDate')}：${r.plannedDate}`}</p>}
            {r.explanation && <p className="tx-prose">{`${t('field.explanation')}：${r.explanation}`}</p>}
            {r.rating && <p>{`${t('field.rating')}：${label(PROPOSAL_RATING_LABELS, r.rating)}${r.ratingComment ? `（${r.ratingComment}）` : ''}`}</p>}
          </li>
        ))}
      </ol>
      {can.reply && <ReplyForm id={p.id} />}
      {can.rate && <RatingForm id={p.id} />}
    </section>
  );
}

type ReplyValues = Omit<ReplyInput, 'plannedDate'> & { plannedDate?: Dayjs };

function ReplyForm({ id }: { id: string }) {
  const t = useT();
  const options = useOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplyValues>();
  const cls = Form.useWatch('class', form) as ReplyClass | undefined;
  const templates = useTemplates('reply', true);
  const reply = useProposalAction<ReplyInput>(id, 'reply');
  const onFinish = ({ plannedDate, ...v }: ReplyValues) =>
    toasted(
      reply
        .mutateAsync({ ...v, plannedDate: v.class === 'B' ? plannedDate?.format('YYYY-MM-DD') : undefined, explanation: v.class === 'C' ? v.explanation : undefined })
        .then(() => message.success(t('common.saved'))),
    );
  return (
    <Form<ReplyValues> form={form} layout="vertical" onFinish={onFinish} aria-label={t('proposals.reply')}>
      <h3 className="tx-h3">{t('proposals.reply')}</h3>
      <Form.Item name="class" label={t('field.replyClass')} rules={[{ required: true, message: t('field.replyClass') }]}>
        <Radio.Group options={options(REPLY_CLASSES, REPLY_CLASS_LABELS)} data-testid="reply-class" />
      </Form.Item>
      {!!templates.data?.items.length && (
        <Form.Item label={t('proposals.template')}>
          <Select aria-label={t('proposals.template')} options={templates.data.items.map((x) => ({ value: x.body, label: x.name }))} onChange={(b: string) => form.setFieldValue('content', b)} />
        </Form.Item>
      )}
      <Form.Item name="content" label={t('field.replyContent')} rules={[{ required: true, whitespace: true, message: t('field.replyContent') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="reply-content" />
      </Form.Item>
      {cls === 'B' && (
        <Form.Item name="plannedDate" label={t('field.plannedDate')} rules={[{ required: true, message: t('field.plannedDate') }]}>
          <DatePicker data-testid="reply-planned-date" />
        </Form.Item>
      )}
      {cls === 'C' && (
        <Form.Item name="explanation" label={t('field.explanation')} rules={[{ required: true, whitespace: true, message: t('field.explanation') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="reply-explanation" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={reply.isPending} data-testid="reply-submit">
        {t('proposals.sendReply')}
      </Button>
    </Form>
  );
}

function RatingForm({ id }: { id: string }) {
  const t = useT();
  const options = useOptions();
  const { message } = App.useApp();
  const rate = useProposalAction<{ rating: string; comment?: string }>(id, 'rating');
  return (
    <Form layout="vertical" onFinish={(v: { rating: string; comment?: string }) => toasted(rate.mutateAsync(v).then(() => message.success(t('common.saved'))))}>
      <h3 className="tx-h3">{t('proposals.rate')}</h3>
      <Form.Item name="rating" label={t('field.rating')} extra={t('proposals.rateHint')} rules={[{ required: true, message: t('field.rating') }]}>
        <Radio.Group options={options(PROPOSAL_RATINGS, PROPOSAL_RATING_LABELS)} data-testid="rating-choice" />
      </Form.Item>
      <Form.Item name="comment" label={t('field.ratingComment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="rating-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="rating-submit">
        {t('proposals.sendRating')}
      </Button>
    </Form>
  );
}
