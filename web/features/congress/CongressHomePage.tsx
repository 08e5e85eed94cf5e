import { useState } from 'react';
import { Button, Empty } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useCan } from '../../app/auth';
import { useSchoolToday } from '../../app/today';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useSessions, useTerm, useTerms } from './api';
import { currentTerm, splitSessions, termsCurrentFirst } from './helpers';
import { NextSessionCard } from './NextSessionCard';
import { RequestsPanel } from './RequestsPanel';
import { SessionFormModal } from './SessionFormModal';
import { SessionList } from './SessionList';
import { TermFormModal } from './TermFormModal';
import type { TermSummary } from './types';
import './congress.css';

/** /congress: the next session first (议程, 签到, 去投票), then the current term's sessions, its 临时会议提议, then all terms. */
export default function CongressHomePage() {
  const t = useT();
  const can = useCan();
  const today = useSchoolToday();
  const terms = useTerms();
  const current = currentTerm(terms.data?.items ?? [], today);
  const sessions = useSessions(current?.id);
  const term = useTerm(current?.id);
  const [modal, setModal] = useState<'term' | 'session' | null>(null);
  const manager = can('congress.manage');

  // 提案 belong to the congress: on a phone this page is their way in (the tab bar has no 提案 tab).
  const actions = (
    <>
      <LinkButton to="/proposals" icon={<FileTextOutlined aria-hidden />} data-testid="congress-proposals">
        {t('congress.proposals')}
      </LinkButton>
      {manager && (
        <>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setModal('term')} data-testid="congress-new-term">
            {t('congress.newTerm')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal('session')} disabled={!current} data-testid="congress-new-session">
            {t('congress.newSession')}
          </Button>
        </>
      )}
    </>
  );

  let body;
  if (terms.isPending) body = <PageSpinner />;
  else if (terms.error) body = <ErrorState error={terms.error} onRetry={() => terms.refetch()} />;
  else if (!current) body = <Empty className="tx-panel" description={manager ? t('congress.noTerms') : t('congress.noTermsReader')} />;
  else {
    const { upcoming, past } = splitSessions(sessions.data?.items ?? [], today);
    body = (
      <>
        {upcoming[0] && <NextSessionCard session={upcoming[0]} />}
        <section className="tx-panel" aria-labelledby="term-sessions">
          <div className="cx-section-head">
            <h2 id="term-sessions" className="tx-h2">
              {t('congress.sessionsOf', { term: current.name })}
            </h2>
            <Link to={`/congress/terms/${current.id}`}>{t('congress.viewDelegates')}</Link>
          </div>
          {sessions.error ? (
            <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
          ) : upcoming.length + past.length === 0 ? (
            <p>{sessions.isPending ? '' : t('congress.noSessions')}</p>
          ) : (
            <>
              {upcoming.length > 0 && <SessionGroup title={t('congress.upcoming')} id="upcoming" sessions={upcoming} />}
              {past.length > 0 && <SessionGroup title={t('congress.past')} id="past" sessions={past} />}
            </>
          )}
        </section>
        {term.data && <RequestsPanel term={term.data} />}
        <TermList terms={termsCurrentFirst(terms.data.items, today)} currentId={current.id} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('congress.title')} extra={actions} />
      {body}
      <TermFormModal open={modal === 'term'} onClose={() => setModal(null)} />
      <SessionFormModal open={modal === 'session'} onClose={() => setModal(null)} terms={terms.data?.items ?? []} termId={current?.id} />
    </>
  );
}

function SessionGroup({ title, id, sessions }: { title: string; id: string; sessions: Parameters<typeof SessionList>[0]['sessions'] }) {
  return (
    <div className="cx-group" aria-labelledby={`sessions-${id}`} role="group">
      <h3 id={`sessions-${id}`} className="cx-h3">
        {title}
      </h3>
      <SessionList label={title} sessions={sessions} />
    </div>
  );
}

function TermList({ terms, currentId }: { terms: TermSummary[]; currentId: string }) {
  const t = useT();
  return (
    <section className="tx-panel" aria-labelledby="terms">
      <h2 id="terms" className="tx-h2">
        {t('congress.terms')}
      </h2>
      <ul className="cx-list">
        {terms.map((term) => (
          <li key={term.id}>
            <Link to={`/congress/terms/${term.id}`}>{term.name}</Link>
            {term.id === currentId && <ToneTag tone="red">{t('congress.current')}</ToneTag>}
            <span className="cx-muted">{t('congress.dates', { start: term.startDate, end: term.endDate })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
