import './care.css';
import { Link } from 'react-router';
import { FESTIVAL_LABELS } from '../../../common/care.labels';
import { useCan } from '../../app/auth';
import { useLabel, useT } from '../../i18n';
import { useReminders } from './api';

/** The 工作台's 慰问 card: birthdays this month, who is in hospital now, retirees before the coming festival. */
export function CareReminders() {
  const t = useT();
  const can = useCan();
  const label = useLabel();
  const r = useReminders();
  if (!r.data) return null;
  const { birthdays, inHospital, festival } = r.data;
  const none = <li className="tx-care-muted">{t('care.none')}</li>;
  return (
    <section aria-labelledby="care-reminders" data-testid="care-reminders">
      <h2 id="care-reminders" className="tx-h2">
        <Link to="/care">{t('care.reminders')}</Link>
      </h2>
      <div className="tx-care-reminders">
        <section aria-labelledby="care-hospital">
          <h3 id="care-hospital">{t('care.inHospital')}</h3>
          <ul>
            {inHospital.length === 0 && none}
            {inHospital.map((h) => (
              <li key={h.recordId}>
                <Link to={`/care/records/${h.recordId}`}>{h.name}</Link>
                <span className="tx-care-muted">
                  {h.reason} · {t('care.since', { date: h.admittedOn })}
                </span>
              </li>
            ))}
          </ul>
        </section>
        {festival && (
          <section aria-labelledby="care-festival">
            <h3 id="care-festival">{t('care.comingFestival', { festival: label(FESTIVAL_LABELS, festival.festival), date: festival.date, days: festival.daysLeft })}</h3>
            <p className="tx-care-muted" style={{ margin: '0 0 6px' }}>
              {festival.notVisitedCount > 0 ? t('care.retireesNotVisited', { retirees: festival.retirees, n: festival.notVisitedCount }) : t('care.allVisited')}
            </p>
            {festival.notVisitedCount > 0 && (
              <p style={{ margin: '0 0 6px' }}>
                {festival.notVisited.slice(0, 8).map((m) => m.name).join('、')}
                {festival.notVisitedCount > 8 && ` ${t('care.andMore', { n: festival.notVisitedCount - 8 })}`}
              </p>
            )}
            {can('care.write') && festival.notVisitedCount > 0 && <Link to="/care/batch">{t('care.prepareBatch')}</Link>}
          </section>
        )}
        <section aria-labelledby="care-birthdays">
          <h3 id="care-birthdays">{t('care.birthdays')}</h3>
          <ul>
            {birthdays.length === 0 && none}
            {birthdays.slice(0, 12).map((b) => (
              <li key={b.memberId}>
                <span>{b.name}</span>
                <span className="tx-care-muted">
                  {b.birthDate.slice(5)}
                  {b.department ? ` · ${b.department}` : ''}
                  {b.visited ? ` · ${t('care.visitedMark')}` : ''}
                </span>
              </li>
            ))}
            {birthdays.length > 12 && <li className="tx-care-muted">{t('care.andMore', { n: birthdays.length - 12 })}</li>}
          </ul>
        </section>
      </div>
    </section>
  );
}
