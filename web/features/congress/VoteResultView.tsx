import type { ElectionResult, ResolutionResult, VoteResult } from '../../../common/congress';
import { VOTE_CHOICE_LABELS } from '../../../common/congress';
import { useLabel, useT } from '../../i18n';

interface Props {
  result: VoteResult;
  /** Projector size. */
  large?: boolean;
}

/** Counts, base, threshold and verdict of a closed vote, so nobody does arithmetic on the day. */
export function VoteResultView({ result, large = false }: Props) {
  const t = useT();
  const base = result.baseKind === 'all_delegates' ? t('congress.baseAll', { n: result.base }) : t('congress.baseExpected', { n: result.base });
  return (
    <div className={large ? 'cx-result cx-result-large' : 'cx-result'} data-testid="vote-result">
      {result.kind === 'resolution' ? <Resolution r={result} /> : <Election r={result} />}
      <p className="cx-rule">
        <span>{t('congress.baseLine', { base })}</span>
        <strong data-testid="vote-threshold">{t('congress.threshold', { n: result.threshold })}</strong>
        <span>{t('congress.castLine', { cast: result.cast, eligible: result.eligible })}</span>
      </p>
    </div>
  );
}

function Resolution({ r }: { r: ResolutionResult }) {
  const t = useT();
  const label = useLabel();
  const counts = [
    { key: 'yes', text: label(VOTE_CHOICE_LABELS, 'yes'), n: r.yes },
    { key: 'no', text: label(VOTE_CHOICE_LABELS, 'no'), n: r.no },
    { key: 'abstain', text: label(VOTE_CHOICE_LABELS, 'abstain'), n: r.abstain },
    { key: 'notCast', text: t('congress.notCast'), n: r.eligible - r.cast },
  ];
  return (
    <>
      <dl className="tx-stats cx-counts">
        {counts.map((c) => (
          <div key={c.key}>
            <dt>{c.text}</dt>
            <dd data-testid={`result-${c.key}`}>{c.n}</dd>
          </div>
        ))}
      </dl>
      <p className={r.passed ? 'cx-verdict cx-verdict-ok' : 'cx-verdict cx-verdict-bad'} data-testid="vote-verdict">
        <strong>{r.passed ? t('congress.passed') : t('congress.failed')}</strong>
        <span>{t(r.passed ? 'congress.resolutionPassed' : 'congress.resolutionFailed', { yes: r.yes, threshold: r.threshold })}</span>
      </p>
    </>
  );
}

function Election({ r }: { r: ElectionResult }) {
  const t = useT();
  const tied = new Set(r.tied);
  const rows = [...r.candidates].sort((a, b) => b.votes - a.votes);
  return (
    <>
      <p className="cx-verdict cx-verdict-neutral" data-testid="vote-verdict">
        <strong>{t('congress.electedN', { n: r.candidates.filter((c) => c.elected).length })}</strong>
        <span>{t('congress.seatsN', { n: r.seats })}</span>
      </p>
      <table className="cx-table">
        <thead>
          <tr>
            <th scope="col">{t('congress.candidate')}</th>
            <th scope="col">{t('congress.votesCol')}</th>
            <th scope="col">{t('congress.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.memberId} className={c.elected ? 'cx-elected' : tied.has(c.memberId) ? 'cx-tied' : undefined}>
              <th scope="row">{c.name}</th>
              <td>{t('congress.votesN', { n: c.votes })}</td>
              <td>{c.elected ? <strong>{t('congress.elected')}</strong> : tied.has(c.memberId) ? <strong>{t('congress.tied')}</strong> : t('congress.notElected')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
