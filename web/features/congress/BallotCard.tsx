import { Alert, Spin } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useT } from '../../i18n';
import { ElectionBallot, ResolutionBallot } from './Ballots';
import { useCastBallot, type Ballot } from './mutations';
import type { Mine, Vote } from './types';
import { VoteTags } from './VoteTags';

interface Props {
  sessionId: string;
  vote: Vote;
  mine: Mine;
  /** "mine" is being re-read (a vote just opened): wait before saying "not on the roll". */
  stale: boolean;
}

/** One open vote on the delegate's phone: the ballot, "已投票", or why this delegate cannot vote. */
export function BallotCard({ sessionId, vote: v, mine, stale }: Props) {
  const t = useT();
  const cast = useCastBallot(sessionId);
  const my = mine.votes.find((x) => x.id === v.id);
  const submit = (ballot: Ballot) => cast.mutate({ voteId: v.id, ballot });

  let body;
  if (my?.voted || cast.isSuccess) {
    body = (
      <div className="cx-voted" role="status" data-testid="ballot-voted">
        <p className="cx-next-name">
          <CheckCircleFilled aria-hidden className="cx-ok-icon" /> {t('congress.voted')}
        </p>
        {v.secret && <p data-testid="ballot-secret-note">{t('congress.secretNote')}</p>}
        <p className="cx-note">{t('congress.resultLater')}</p>
      </div>
    );
  } else if (!mine.isDelegate) {
    body = null;
  } else if (!my || my.status !== v.status) {
    body = stale ? <Spin /> : null;
  } else if (!my.onRoll) {
    body = <Alert type="warning" showIcon title={t('congress.notOnRoll')} description={t('congress.notOnRollWhy')} data-testid="ballot-not-on-roll" />;
  } else if (v.kind === 'resolution') {
    body = <ResolutionBallot onSubmit={submit} busy={cast.isPending} error={cast.error} />;
  } else {
    body = <ElectionBallot vote={v} onSubmit={submit} busy={cast.isPending} error={cast.error} />;
  }

  return (
    <article className="tx-card cx-vote cx-ballot" aria-labelledby={`ballot-${v.id}`} data-testid="ballot">
      <h3 id={`ballot-${v.id}`} className="cx-h3 cx-ballot-title">
        {v.title}
      </h3>
      <VoteTags vote={v} />
      {body}
    </article>
  );
}
