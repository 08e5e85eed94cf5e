import './suggestions.css';
import { Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { SUGGESTION_CATEGORY_LABELS, type Suggestion } from '../../../common/suggestions';
import { Attachments } from '../../components/Attachments';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { SuggestionCasePanel } from '../cases/SuggestionCasePanel';
import { useSuggestion, useToLabel } from './api';
import { ConsentPanel, MessageForm, ProposalPanel, StatusPanel, WallPanel } from './DetailPanels';
import { StatusTags, Thread, useWriter } from './parts';
import { FromMeeting } from '../meetings/FromMeeting';

/** /suggestions/:id: for its named writer and for whoever answers its mailbox; each sees only what they can act on. */
export default function DetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useSuggestion(id);
  if (query.isPending) return <PageSpinner />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const s = query.data;
  const open = s.status !== 'closed';
  return (
    <>
      <PageHeader title={s.title} back={s.canHandle ? { to: '/suggestions/inbox', label: t('sug.inbox') } : { to: '/suggestions/mine', label: t('nav.mySuggestions') }} />
      <div className="tx-sug-detail">
        <div>
          <Facts s={s} />
          <Attachments title={t('files.attachments')} ownerKind="suggestion" ownerId={s.id} editable={s.mine && s.status === 'pending'} data-testid="suggestion-attachments" />
          <section className="tx-panel" aria-labelledby="sug-thread">
            <h2 className="tx-h2" id="sug-thread">
              {t('sug.thread')}
            </h2>
            <Thread messages={s.messages} />
            {open && s.canHandle && <MessageForm id={s.id} action="replies" label="sug.reply" placeholder="sug.replyPlaceholder" submit="sug.sendReply" />}
            {open && s.mine && <MessageForm id={s.id} action="messages" label="sug.writeBack" submit="sug.send" />}
            {!open && <p className="tx-sug-muted">{t('sug.closedNoMore')}</p>}
          </section>
        </div>
        <div>
          {s.canHandle && <StatusPanel s={s} />}
          {s.canHandle && <WallPanel s={s} />}
          {s.canHandle && <ProposalPanel s={s} />}
          <SuggestionCasePanel suggestionId={s.id} canHandle={s.canHandle} />
          {s.mine && <ConsentPanel s={s} />}
        </div>
      </div>
    </>
  );
}

function Facts({ s }: { s: Suggestion }) {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const writerOf = useWriter();
  return (
    <section className="tx-panel" aria-label={t('sug.content')}>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'status', label: t('sug.status'), children: <StatusTags status={s.status} overdue={s.overdue} /> },
          { key: 'to', label: t('sug.to'), children: toLabel(s.to) },
          { key: 'writer', label: t('sug.writer'), children: writerOf(s) },
          { key: 'category', label: t('sug.category'), children: label(SUGGESTION_CATEGORY_LABELS, s.category) },
          { key: 'date', label: t('sug.date'), children: s.receivedOn },
          ...(s.proposal
            ? [{ key: 'proposal', label: t('sug.proposal'), children: s.canHandle ? <Link to={`/proposals/${s.proposal.id}`}>{s.proposal.title}</Link> : s.proposal.title }]
            : []),
          ...(s.wall ? [{ key: 'wall', label: t('sug.wall'), children: t('sug.onWall') }] : []),
          ...(s.fromMeeting ? [{ key: 'meeting', label: t('mtg.fromMeeting'), children: <FromMeeting source={s.fromMeeting} /> }] : []),
        ]}
      />
      <p className="tx-sug-prose tx-sug-body" data-testid="suggestion-content">
        {s.content}
      </p>
    </section>
  );
}
