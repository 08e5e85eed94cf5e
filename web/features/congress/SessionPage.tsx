import { Button, Tabs } from 'antd';
import { DesktopOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { AgendaEditor } from './AgendaEditor';
import { AttendancePanel } from './AttendancePanel';
import { useSession } from './api';
import { GuestsPanel } from './GuestsPanel';
import { LiveStatus } from './LiveStatus';
import { QuorumBar } from './QuorumBar';
import { useSessionLive } from './useSessionLive';
import { VotesPanel } from './VotesPanel';
import './congress.css';

const TABS = ['attendance', 'votes', 'agenda', 'guests'] as const;
type Tab = (typeof TABS)[number];

/** /congress/sessions/:id — the clerk's desk on the day: live quorum, attendance, votes; agenda and guests before. */
export default function SessionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const session = useSession(id);
  const { live, connected } = useSessionLive(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'attendance';

  if (session.isPending) return <PageSpinner />;
  if (session.error) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  const s = session.data;
  const quorum = live?.quorum ?? s.quorum;

  const actions = (
    <>
      <Button href={`/congress/sessions/${id}/screen`} target="_blank" icon={<DesktopOutlined aria-hidden />} data-testid="open-screen">
        {t('congress.openScreen')}
      </Button>
      <DownloadButton path={`/api/congress/sessions/${id}/record.docx`} fallbackName={`${s.name}.docx`} icon={<DownloadOutlined aria-hidden />} data-testid="session-record">
        {t('congress.record')}
      </DownloadButton>
      <DownloadButton path={`/api/congress/sessions/${id}/attendance.xlsx`} fallbackName={`${s.name}.xlsx`} icon={<DownloadOutlined aria-hidden />} data-testid="session-attendance-xlsx">
        {t('congress.attendanceSheet')}
      </DownloadButton>
    </>
  );
  const items = [
    { key: 'attendance', label: t('congress.tabAttendance'), children: <AttendancePanel sessionId={id} quorum={quorum} /> },
    { key: 'votes', label: t('congress.tabVotes'), children: <VotesPanel sessionId={id} votes={live?.votes ?? []} /> },
    { key: 'agenda', label: t('congress.tabAgenda'), children: <AgendaEditor session={s} /> },
    { key: 'guests', label: t('congress.tabGuests'), children: <GuestsPanel session={s} /> },
  ];

  return (
    <>
      <PageHeader title={s.name} back={{ to: '/congress', label: t('congress.title') }} extra={actions} />
      <p className="cx-subtitle">
        {s.date}
        {s.place && ` · ${s.place}`} · <Link to={`/congress/terms/${s.termId}`}>{t('congress.viewDelegates')}</Link> · <LiveStatus connected={connected} />
      </p>
      <QuorumBar quorum={quorum} />
      <div className="tx-panel">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </div>
    </>
  );
}
