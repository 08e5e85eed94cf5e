import { useState } from 'react';
import { Button, Tabs } from 'antd';
import { DeleteOutlined, DesktopOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { Attachments } from '../../components/Attachments';
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
import { useDeleteSession } from './mutations';
import { QuorumBar } from './QuorumBar';
import { SessionFormModal } from './SessionFormModal';
import { useDeletePage } from './useConfirmDanger';
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
  const { live, state } = useSessionLive(id);
  const [params, setParams] = useSearchParams();
  const remove = useDeleteSession(id);
  const deletePage = useDeletePage(() => remove.mutateAsync());
  const [editing, setEditing] = useState(false);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'attendance';

  if (session.isPending) return <PageSpinner />;
  if (session.error) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  const s = session.data;
  const quorum = live?.quorum ?? s.quorum;
  const onDelete = () => deletePage({ title: t('congress.deleteSession'), content: t('congress.deleteSessionConfirm', { name: s.name }), name: s.name });

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
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="session-edit">
        {t('congress.editSession')}
      </Button>
      <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete} data-testid="session-delete">
        {t('congress.deleteSession')}
      </Button>
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
        {s.place && ` · ${s.place}`} · <Link to={`/congress/terms/${s.termId}`}>{t('congress.viewDelegates')}</Link> · <LiveStatus state={state} />
      </p>
      <QuorumBar quorum={quorum} />
      <div className="tx-panel">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </div>
      {/* This page already requires congress.manage, so its documents are editable here. */}
      <Attachments title={t('files.documents')} ownerKind="congress_session" ownerId={id} editable labels={s.agenda.map((a) => a.title)} data-testid="session-documents" />
      {editing && <SessionFormModal open onClose={() => setEditing(false)} session={s} />}
    </>
  );
}
