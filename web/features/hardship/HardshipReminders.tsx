import './hardship.css';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useHardshipReminders } from './api';
import { LevelTag } from './parts';

/** The 工作台's 困难帮扶 card: yearly reviews due within 30 days, and the applications waiting on each step. */
export function HardshipReminders() {
  const t = useT();
  const r = useHardshipReminders();
  if (!r.data) return null;
  const { reviews, toReview, toApprove, toPay } = r.data;
  return (
    <section aria-labelledby="hardship-reminders" data-testid="hardship-reminders" className="tx-panel">
      <h2 id="hardship-reminders" className="tx-h2">
        <Link to="/hardship">{t('hs.reminders')}</Link>
      </h2>
      <div className="tx-hs-reminders">
        {/* Each count opens the list of that step's applications (the list is paged: all of them would bury these). */}
        <Link to="/hardship?tab=applications&state=submitted">{t('hs.toReview', { n: toReview })}</Link>
        <Link to="/hardship?tab=applications&state=recommended">{t('hs.toApprove', { n: toApprove })}</Link>
        <Link to="/hardship?tab=applications&state=approved">{t('hs.toPay', { n: toPay })}</Link>
        <ul>
          {reviews.length === 0 && <li className="tx-hs-muted">{t('hs.noReviewsDue')}</li>}
          {reviews.slice(0, 10).map((f) => (
            <li key={f.fileId}>
              <Link to={`/hardship/files/${f.fileId}`}>{f.name}</Link>
              <LevelTag level={f.level} />
              <span className={f.overdue ? 'tx-hs-problem' : 'tx-hs-muted'}>
                {t(f.overdue ? 'hs.reviewOverdue' : 'hs.reviewDue')} {f.reviewOn}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
