import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { SUGGESTION_CATEGORY_LABELS, SUGGESTION_STATUS_LABELS, type SuggestionListItem, type SuggestionMessage, type SuggestionStatus } from '../../../common/suggestions';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { formatTime } from '../../components/format';
import { useLabel, useT } from '../../i18n';
import { useToLabel } from './api';

const TONES: Record<SuggestionStatus, Tone> = { pending: 'blue', in_progress: 'orange', answered: 'green', closed: 'grey' };

export function StatusTags({ status, overdue }: { status: SuggestionStatus; overdue?: boolean }) {
  const t = useT();
  const label = useLabel();
  return (
    <>
      <ToneTag tone={TONES[status]}>{label(SUGGESTION_STATUS_LABELS, status)}</ToneTag>
      {overdue && <ToneTag tone="red">{t('sug.overdue')}</ToneTag>}
    </>
  );
}

/** Who wrote it: a name, 匿名, or the union (an opinion passed on from a meeting has no writer account). */
export function useWriter() {
  const t = useT();
  return (s: Pick<SuggestionListItem, 'writerName' | 'anonymous'>) => s.writerName ?? t(s.anonymous ? 'sug.anonymousWriter' : 'sug.unionWriter');
}

/** Inbox and 我的意见 columns; `writer` adds who wrote it (the inbox). */
export function useSuggestionColumns(writer: boolean): ColumnsType<SuggestionListItem> {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const writerOf = useWriter();
  return [
    { key: 'title', title: t('sug.subject'), render: (_, s) => <Link to={`/suggestions/${s.id}`}>{s.title}</Link> },
    { key: 'to', title: t('sug.to'), render: (_, s) => toLabel(s.to) },
    { key: 'category', title: t('sug.category'), render: (_, s) => label(SUGGESTION_CATEGORY_LABELS, s.category) },
    ...(writer ? [{ key: 'writer', title: t('sug.writer'), render: (_: unknown, s: SuggestionListItem) => writerOf(s) }] : []),
    { key: 'date', title: t('sug.date'), dataIndex: 'receivedOn' },
    { key: 'status', title: t('sug.status'), render: (_, s) => <StatusTags status={s.status} overdue={s.overdue} /> },
    { key: 'replies', title: t('sug.replies'), dataIndex: 'replies', align: 'right' },
  ];
}

export function SuggestionCard({ s, writer }: { s: SuggestionListItem; writer: boolean }) {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const writerOf = useWriter();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/suggestions/${s.id}`}>{s.title}</Link>
      </div>
      <div className="tx-card-meta">
        <StatusTags status={s.status} overdue={s.overdue} />
        <span>
          {t('sug.to')} {toLabel(s.to)}
        </span>
        <span>{label(SUGGESTION_CATEGORY_LABELS, s.category)}</span>
        {writer && <span>{writerOf(s)}</span>}
        <span>{s.receivedOn}</span>
      </div>
    </>
  );
}

/** Replies and the writer's messages, oldest first; the writer's carry a date only. */
export function Thread({ messages }: { messages: SuggestionMessage[] }) {
  const t = useT();
  if (!messages.length) return <p className="tx-sug-muted">{t('sug.noReplies')}</p>;
  return (
    <ol className="tx-sug-thread" data-testid="suggestion-thread">
      {messages.map((m) => (
        <li key={m.id} className={m.by === 'writer' ? 'tx-sug-writer' : undefined}>
          <div className="tx-sug-muted">
            {m.by === 'writer' ? t('sug.byWriter') : (m.authorName ?? '—')} · {m.at ? formatTime(m.at) : m.on}
          </div>
          <p className="tx-sug-prose">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
