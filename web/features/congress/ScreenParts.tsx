import { AGENDA_KIND_LABELS } from '../../../common/congress';
import { useLabel, useT } from '../../i18n';
import { featuredVote } from './helpers';
import { MeterBar } from './MeterBar';
import type { AgendaItem, LiveQuorum, Vote } from './types';
import { VoteResultView } from './VoteResultView';

/** "实到 32 / 45 人，法定人数 30 人 ✓ 已达到" in projector sizes. */
export function ScreenQuorum({ quorum: q }: { quorum: LiveQuorum }) {
  const t = useT();
  return (
    <section className="cx-screen-quorum" aria-labelledby="screen-quorum" data-testid="screen-quorum">
      <h2 id="screen-quorum">{t('congress.quorum')}</h2>
      <p className="cx-huge-line">
        <span>{t('congress.qPresent')}</span> <b className="cx-huge" data-testid="screen-present">{q.present}</b>{' '}
        <span data-testid="screen-delegates">{t('congress.screenOf', { n: q.delegates })}</span>
      </p>
      <p className="cx-screen-line">
        <span data-testid="screen-required">{t('congress.quorumLine', { required: q.required })}</span>{' '}
        <strong className={q.met ? 'cx-on-dark-ok' : 'cx-on-dark-bad'} data-testid="screen-quorum-met" aria-live="polite">
          {q.met ? t('congress.qMet') : t('congress.qNotMet')}
        </strong>
      </p>
      <MeterBar value={q.delegates ? q.present / q.delegates : 0} line={q.delegates ? q.required / q.delegates : 0} ok={q.met} />
    </section>
  );
}

/** The open vote with its ballot count; after it closes, the full result; before any, the agenda. */
export function ScreenVote({ votes, agenda }: { votes: Vote[]; agenda: AgendaItem[] }) {
  const t = useT();
  const label = useLabel();
  const v = featuredVote(votes);
  if (!v) {
    return (
      <section className="cx-screen-vote" aria-labelledby="screen-agenda">
        <h2 id="screen-agenda">{agenda.length ? t('congress.tabAgenda') : t('congress.waitingVote')}</h2>
        <ol className="cx-screen-agenda">
          {agenda.map((a, i) => (
            <li key={i}>
              {a.title}
              {a.title !== label(AGENDA_KIND_LABELS, a.kind) && <span className="cx-screen-kind">{label(AGENDA_KIND_LABELS, a.kind)}</span>}
            </li>
          ))}
        </ol>
      </section>
    );
  }
  return (
    <section className="cx-screen-vote" aria-labelledby="screen-vote" data-testid="screen-vote" data-status={v.status}>
      <h2 id="screen-vote">{v.status === 'open' ? t('congress.votingNow') : t('congress.result')}</h2>
      <p className="cx-screen-title" data-testid="screen-vote-title">
        {v.title}
      </p>
      {v.status === 'open' ? (
        <>
          <p className="cx-huge-line">
            <span>{t('congress.ballotsCast')}</span> <b className="cx-huge" data-testid="screen-cast">{v.cast}</b>{' '}
            <span data-testid="screen-eligible">{t('congress.screenOfVoters', { n: v.eligible })}</span>
          </p>
          <MeterBar value={v.eligible ? v.cast / v.eligible : 0} ok />
        </>
      ) : (
        v.result && <VoteResultView result={v.result} large />
      )}
    </section>
  );
}
