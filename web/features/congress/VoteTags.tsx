import type { VoteStatus } from '../../../common/congress';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useT } from '../../i18n';
import type { Vote } from './types';

const STATUS_TONE: Record<VoteStatus, Tone> = { draft: 'grey', open: 'orange', closed: 'blue' };

/** Kind, ballot type and state of a vote, as tags. */
export function VoteTags({ vote }: { vote: Pick<Vote, 'kind' | 'secret' | 'status' | 'seats'> }) {
  const t = useT();
  return (
    <span className="cx-tags">
      <ToneTag tone="grey">{t(`congress.kind.${vote.kind}`)}</ToneTag>
      <ToneTag tone="grey">{vote.secret ? t('congress.secret') : t('congress.named')}</ToneTag>
      {vote.kind === 'election' && vote.seats && <ToneTag tone="grey">{t('congress.seatsN', { n: vote.seats })}</ToneTag>}
      <ToneTag tone={STATUS_TONE[vote.status]}>{t(`congress.status.${vote.status}`)}</ToneTag>
    </span>
  );
}
