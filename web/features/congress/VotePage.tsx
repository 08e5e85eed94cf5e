import { useEffect, useRef } from 'react';
import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useSchoolToday } from '../../app/today';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useMine } from './api';
import { BallotCard } from './BallotCard';
import { LiveStatus } from './LiveStatus';
import type { Mine } from './types';
import { useSessionLive } from './useSessionLive';
import { VoteResultView } from './VoteResultView';
import './congress.css';

/** /congress/sessions/:id/vote — the delegate's phone: the open vote as it opens, one ballot, then the results. */
export default function VotePage() {
  const { id = '' } = useParams();
  const t = useT();
  const today = useSchoolToday();
  const mine = useMine(id);
  const { live, state } = useSessionLive(id);
  const { refetch } = mine;

  // A vote opening or closing changes who is on its roll: re-read "mine" when any status changes.
  const statuses = live?.votes.map((v) => `${v.id}:${v.status}`).join() ?? '';
  const seen = useRef(statuses);
  useEffect(() => {
    if (seen.current === statuses) return;
    seen.current = statuses;
    void refetch();
  }, [statuses, refetch]);

  if (mine.isPending) return <PageSpinner />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => refetch()} />;
  const m = mine.data;
  const votes = live?.votes ?? m.votes;
  const open = votes.filter((v) => v.status === 'open');
  const closed = votes.filter((v) => v.status === 'closed');
  // After the day, "waiting for the next vote" would only mislead.
  const waiting = open.length === 0 && m.session.date >= today;

  return (
    <>
      <PageHeader title={m.session.name} back={{ to: '/congress', label: t('congress.title') }} />
      <p className="cx-subtitle">
        {m.session.date}
        {m.session.place && ` · ${m.session.place}`} · <LiveStatus state={state} />
      </p>
      <MyStatus mine={m} sessionId={id} />
      {(open.length > 0 || waiting) && (
        <section className="tx-panel" aria-labelledby="open-votes">
          <h2 id="open-votes" className="tx-h2">
            {t('congress.openVotes')}
          </h2>
          {waiting ? (
            <div role="status" className="cx-waiting" data-testid="no-open-vote">
              <p className="cx-next-name">{t('congress.noOpenVote')}</p>
              <p>{t('congress.autoUpdate')}</p>
            </div>
          ) : (
            open.map((v) => <BallotCard key={v.id} sessionId={id} vote={v} mine={m} stale={mine.isFetching} />)
          )}
        </section>
      )}
      {closed.length > 0 && (
        <section className="tx-panel" aria-labelledby="closed-votes">
          <h2 id="closed-votes" className="tx-h2">
            {t('congress.closedVotes')}
          </h2>
          {closed.map((v) => (
            <article key={v.id} className="tx-card cx-vote" aria-labelledby={`closed-${v.id}`}>
              <h3 id={`closed-${v.id}`} className="cx-h3">
                {v.title}
              </h3>
              {v.result && <VoteResultView result={v.result} />}
            </article>
          ))}
        </section>
      )}
    </>
  );
}

/** Checked in or not; a delegate who is not is told where to check in. */
function MyStatus({ mine: m, sessionId }: { mine: Mine; sessionId: string }) {
  const t = useT();
  if (!m.isDelegate) return <Alert type="info" showIcon className="cx-alert" title={t('congress.notDelegateVote')} data-testid="vote-not-delegate" />;
  const present = m.attendance === 'present';
  return (
    <section className="tx-panel cx-status-row" aria-label={t('congress.myStatus')} data-testid="my-status">
      <span>{t('congress.myStatus')}</span>
      <ToneTag tone={present ? 'green' : m.attendance === 'leave' ? 'blue' : 'grey'}>
        {present ? t('congress.checkedIn') : m.attendance === 'leave' ? t('congress.onLeave') : t('congress.notCheckedIn')}
      </ToneTag>
      {!present && (
        <LinkButton to={`/congress/checkin/${sessionId}`} className="cx-touch">
          {t('congress.checkin')}
        </LinkButton>
      )}
    </section>
  );
}
