import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox } from 'antd';
import { VOTE_CHOICES, VOTE_CHOICE_LABELS, type VoteChoice } from '../../../common/congress';
import { useLabel, useT } from '../../i18n';
import type { Ballot } from './mutations';
import type { Vote } from './types';

interface BallotProps {
  onSubmit: (ballot: Ballot) => void;
  busy: boolean;
  error: Error | null;
}

/** The second step of every ballot: what was chosen, "提交后不可更改", submit or go back. Focus moves here. */
function ConfirmStep({ summary, onSubmit, onBack, busy, error }: { summary: ReactNode; onSubmit: () => void; onBack: () => void; busy: boolean; error: Error | null }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="cx-confirm" ref={ref} tabIndex={-1} data-testid="ballot-confirm">
      <div className="cx-confirm-summary">{summary}</div>
      <Alert type="warning" showIcon title={t('congress.irrevocable')} />
      {error && <Alert type="error" showIcon title={error.message} data-testid="ballot-error" />}
      <div className="cx-ballot-buttons">
        <Button type="primary" size="large" block className="cx-touch" loading={busy} onClick={onSubmit} data-testid="ballot-submit">
          {t('congress.submit')}
        </Button>
        <Button size="large" block className="cx-touch" disabled={busy} onClick={onBack} data-testid="ballot-back">
          {t('congress.change')}
        </Button>
      </div>
    </div>
  );
}

/** 赞成 / 反对 / 弃权 as three big buttons, then the confirm step. */
export function ResolutionBallot({ onSubmit, busy, error }: BallotProps) {
  const t = useT();
  const label = useLabel();
  const [choice, setChoice] = useState<VoteChoice | null>(null);
  if (choice) {
    return (
      <ConfirmStep
        summary={t('congress.yourChoice', { choice: label(VOTE_CHOICE_LABELS, choice) })}
        onSubmit={() => onSubmit({ choice })}
        onBack={() => setChoice(null)}
        busy={busy}
        error={error}
      />
    );
  }
  return (
    <div className="cx-ballot-buttons cx-choices" role="group" aria-label={t('congress.kind.resolution')}>
      {VOTE_CHOICES.map((c) => (
        <button key={c} type="button" className={`cx-choice cx-choice-${c}`} onClick={() => setChoice(c)} data-testid={`choice-${c}`}>
          {label(VOTE_CHOICE_LABELS, c)}
        </button>
      ))}
    </div>
  );
}

/** Up to `seats` candidates as checkbox cards, then the confirm step (choosing nobody is a blank ballot). */
export function ElectionBallot({ vote, onSubmit, busy, error }: BallotProps & { vote: Vote }) {
  const t = useT();
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const seats = vote.seats ?? 1;
  const names = vote.candidates.filter((c) => picked.includes(c.memberId)).map((c) => c.name);

  if (confirming) {
    return (
      <ConfirmStep
        summary={t('congress.yourChoice', { choice: names.length ? names.join('、') : t('congress.chosenNone') })}
        onSubmit={() => onSubmit({ candidates: picked })}
        onBack={() => setConfirming(false)}
        busy={busy}
        error={error}
      />
    );
  }
  return (
    <fieldset className="tx-fieldset cx-election">
      <legend>
        {t('congress.candidates')} · <span aria-live="polite">{t('congress.chooseUpTo', { seats, n: picked.length })}</span>
      </legend>
      <ul className="tx-cards">
        {vote.candidates.map((c) => {
          const checked = picked.includes(c.memberId);
          return (
            <li key={c.memberId} className={checked ? 'tx-card cx-pick cx-pick-on' : 'tx-card cx-pick'}>
              <Checkbox
                checked={checked}
                disabled={!checked && picked.length >= seats}
                onChange={(e) => setPicked(e.target.checked ? [...picked, c.memberId] : picked.filter((x) => x !== c.memberId))}
                data-testid="candidate-option"
              >
                {c.name}
              </Checkbox>
            </li>
          );
        })}
      </ul>
      <Button type="primary" size="large" block className="cx-touch" onClick={() => setConfirming(true)} data-testid="ballot-next">
        {t('congress.next')}
      </Button>
    </fieldset>
  );
}
