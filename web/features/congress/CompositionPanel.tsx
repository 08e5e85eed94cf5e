import { Alert } from 'antd';
import { useT } from '../../i18n';
import { percent } from './helpers';
import { MeterBar } from './MeterBar';
import type { TermDetail } from './types';

/** Teacher share against the 60% line, school leaders' share, and the rules' warnings. */
export function CompositionPanel({ term }: { term: TermDetail }) {
  const t = useT();
  const c = term.composition;
  const min = percent(c.teacherShareMin);
  const lowTeachers = term.warnings.includes('teacher_share');
  return (
    <section className="tx-panel" aria-labelledby="composition" data-testid="composition">
      <h2 id="composition" className="tx-h2">
        {t('congress.composition')}
      </h2>
      {term.warnings.includes('term_length') && (
        <Alert type="warning" showIcon className="cx-alert" data-testid="warn-term-length" title={t('congress.warnTermLength', { start: term.startDate, end: term.endDate })} />
      )}
      {lowTeachers && (
        <Alert type="warning" showIcon className="cx-alert" data-testid="warn-teacher-share" title={t('congress.warnTeacherShare', { share: percent(c.teacherShare), min })} />
      )}
      <dl className="tx-stats">
        <div>
          <dt>{t('congress.delegatesTotal')}</dt>
          <dd data-testid="composition-total">{c.total}</dd>
        </div>
        <div className={lowTeachers ? 'tx-stat-bad' : undefined}>
          <dt>{t('congress.teachers')}</dt>
          <dd data-testid="composition-teachers">
            {t('congress.peopleN', { n: c.teachers })}
            <span className="cx-share">{percent(c.teacherShare)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('congress.leaders')}</dt>
          <dd data-testid="composition-leaders">
            {t('congress.peopleN', { n: c.leaders })}
            <span className="cx-share">{percent(c.leaderShare)}</span>
          </dd>
        </div>
      </dl>
      {c.total > 0 && (
        <>
          <p className="cx-note">{t('congress.teacherBar', { share: percent(c.teacherShare), min })}</p>
          <MeterBar value={c.teacherShare} line={c.teacherShareMin} lineLabel={t('congress.minLine', { min })} ok={!lowTeachers} />
        </>
      )}
    </section>
  );
}
