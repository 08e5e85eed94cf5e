import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { useT } from '../../i18n';
import type { SessionSummary } from './types';

/** Sessions as links: the clerk's page for managers, the voting page for everyone else. */
export function SessionList({ label, sessions }: { label: string; sessions: SessionSummary[] }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const href = (s: SessionSummary) => (can('congress.manage') ? `/congress/sessions/${s.id}` : `/congress/sessions/${s.id}/vote`);
  const columns: ColumnsType<SessionSummary> = [
    { key: 'name', title: t('congress.sessionName'), render: (_, s) => <Link to={href(s)}>{s.name}</Link> },
    { key: 'date', dataIndex: 'date', title: t('congress.date'), width: '10em' },
    { key: 'place', dataIndex: 'place', title: t('congress.place'), width: '30%' },
  ];
  return (
    <DataList<SessionSummary>
      label={label}
      rows={sessions}
      rowKey={(s) => s.id}
      columns={columns}
      onRowClick={(s) => navigate(href(s))}
      renderCard={(s) => (
        <>
          <div className="tx-card-title">
            <Link to={href(s)}>{s.name}</Link>
          </div>
          <div className="tx-card-meta">
            <span>{s.date}</span>
            {s.place && <span>{s.place}</span>}
          </div>
        </>
      )}
    />
  );
}
