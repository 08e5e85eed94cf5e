import { useState } from 'react';
import { App, Button, Checkbox, Form, Input } from 'antd';
import type { Disclosure, DisclosureQuestion } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useDisclosureWrite } from './api';

/** The committee's answer: open for an unanswered question, behind “修改答复” for an answered one. */
function AnswerForm({ q }: { q: DisclosureQuestion }) {
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(!q.answer);
  const answer = useDisclosureWrite<{ body: string; public: boolean }>(`/api/disclosure-questions/${q.id}/answer`);
  if (!editing) {
    return (
      <Button type="link" onClick={() => setEditing(true)} style={{ paddingLeft: 0 }}>
        {t('disclosures.answerEdit')}
      </Button>
    );
  }
  return (
    <Form
      layout="vertical"
      initialValues={{ body: q.answer ?? '', public: q.answer ? q.answerPublic : true }}
      onFinish={(v: { body: string; public: boolean }) => toasted(answer.mutateAsync(v).then(() => (setEditing(false), message.success(t('common.saved')))))}
      style={{ marginTop: 8 }}
    >
      <Form.Item name="body" label={q.answer ? t('disclosures.answerEdit') : t('disclosures.answer')} rules={[{ required: true, whitespace: true, message: t('disclosures.answer') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="disclosure-answer-input" />
      </Form.Item>
      <Form.Item name="public" valuePropName="checked">
        <Checkbox data-testid="disclosure-answer-public">{t('disclosures.answerPublic')}</Checkbox>
      </Form.Item>
      <Button htmlType="submit" loading={answer.isPending} data-testid="disclosure-answer-send">
        {t('disclosures.answerSend')}
      </Button>
    </Form>
  );
}

/** Questions under an item: a reader's own and the public ones, and a box to ask; the committee sees all and answers. */
export function QuestionsPanel({ item }: { item: Disclosure }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const ask = useDisclosureWrite<{ body: string }>(`/api/disclosures/${item.id}/questions`);
  const answering = can('disclosures.write');
  const asking = item.live && !can('disclosures.oversee');
  // Nothing asked and nothing to ask (a draft, or the committee's own view): no empty card.
  if (item.questions.length === 0 && !asking) return null;
  const who = (q: DisclosureQuestion) => (q.mine ? t('disclosures.myQuestion') : q.askerName ? t('disclosures.askedBy', { name: q.askerName }) : t('disclosures.staffQuestion'));

  return (
    <section className="tx-panel" aria-labelledby="disclosure-questions">
      <h2 className="tx-h2" id="disclosure-questions">
        {t('disclosures.questions')}
      </h2>
      {item.questions.length === 0 ? (
        <p className="dx-muted">{t('disclosures.noQuestions')}</p>
      ) : (
        <ol className="dx-qa" data-testid="disclosure-questions">
          {item.questions.map((q) => (
            <li key={q.id}>
              <div className="dx-muted">
                {who(q)} · {formatTime(q.askedAt)}
              </div>
              <p className="dx-qa-q">{q.body}</p>
              {q.answer ? (
                <div className="dx-qa-a" data-testid="disclosure-answer">
                  <strong>{t('disclosures.answer')}：</strong>
                  {q.answer}
                  {answering && <ToneTag tone={q.answerPublic ? 'green' : 'grey'}>{q.answerPublic ? t('disclosures.publicAnswer') : t('disclosures.privateAnswer')}</ToneTag>}
                </div>
              ) : (
                <ToneTag tone="orange">{t('disclosures.unanswered')}</ToneTag>
              )}
              {answering && <AnswerForm q={q} />}
            </li>
          ))}
        </ol>
      )}
      {asking && (
        <Form form={form} layout="vertical" onFinish={(v) => toasted(ask.mutateAsync(v).then(() => (form.resetFields(), message.success(t('disclosures.asked')))))}>
          <Form.Item name="body" label={t('disclosures.ask')} extra={t('disclosures.askHint')} rules={[{ required: true, whitespace: true, message: t('disclosures.ask') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="disclosure-question-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="disclosure-question-send">
            {t('disclosures.send')}
          </Button>
        </Form>
      )}
    </section>
  );
}
