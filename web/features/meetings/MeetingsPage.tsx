import './meetings.css';
import { Select, Table } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { MeetingListItem, MeetingStats } from '../../../common/meetings';
import { useCan } from '../../app/auth';
import { useSchoolToday } from '../../app/today';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useListQuery } from '../../components/useListQuery';
import { useSearchBox } from '../../components/useSearchBox';
import { useT } from '../../i18n';
import { schoolYearOf, useFigures, useTypes } from './api';

/** /meetings (everything, for meetings.read) and /meetings/mine (the ones the caller attended). */
export default function MeetingsPage({ mine = false }: { mine?: boolean }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const thisSchoolYear = schoolYearOf(useSchoolToday());
  const types = useTypes();
  const { filters, set, result, listProps } = useListQuery<MeetingListItem>(mine ? '/api/meetings/mine' : '/api/meetings');
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const year = filters.schoolYear ? Number(filters.schoolYear) : thisSchoolYear;
  const readsAll = can('meetings.read') && !mine;
  const figures = useFigures(year, readsAll);

  const columns = [
    { key: 'date', title: t('mtg.field.date'), render: (_: unknown, m: MeetingListItem) => `${m.date}${m.startTime ? ` ${m.startTime}` : ''}` },
    { key: 'title', title: t('mtg.field.title'), render: (_: unknown, m: MeetingListItem) => <Link to={`/meetings/${m.id}`}>{m.title}</Link> },
    { key: 'type', title: t('mtg.type'), dataIndex: 'typeName' },
    { key: 'place', title: t('mtg.field.place'), dataIndex: 'place' },
    { key: 'attendees', title: t('mtg.attendees'), align: 'right' as const, render: (_: unknown, m: MeetingListItem) => t('mtg.attendeesN', { n: m.attendees }) },
    { key: 'opinions', title: t('mtg.opinions'), align: 'right' as const, dataIndex: 'opinions' },
  ];

  return (
    <>
      <PageHeader
        title={t(mine ? 'mtg.mine' : 'mtg.title')}
        extra={
          !mine &&
          can('meetings.manage') && (
            <>
              <LinkButton to="/meetings/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="meeting-new">
                {t('mtg.new')}
              </LinkButton>
              <LinkButton to="/meetings/types" icon={<SettingOutlined aria-hidden />}>
                {t('mtg.types')}
              </LinkButton>
            </>
          )
        }
      />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <SearchInput label={t('mtg.search')} placeholder={t('mtg.search')} {...search} />
          <Select
            aria-label={t('mtg.schoolYear')}
            value={year}
            onChange={(v: number) => set({ schoolYear: v })}
            options={Array.from({ length: 5 }, (_, i) => thisSchoolYear - i).map((y) => ({ value: y, label: t('mtg.schoolYearOf', { y, y2: y + 1 }) }))}
          />
          <Select
            aria-label={t('mtg.type')}
            placeholder={t('mtg.type')}
            value={filters.typeId}
            onChange={(v?: string) => set({ typeId: v })}
            options={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            allowClear
          />
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<MeetingListItem>
            {...listProps}
            label={t(mine ? 'mtg.mine' : 'mtg.title')}
            rowKey={(m) => m.id}
            columns={columns}
            renderCard={(m) => <MeetingCard m={m} />}
            onRowClick={(m) => navigate(`/meetings/${m.id}`)}
          />
        )}
      </div>
      {readsAll && figures.data && <Figures stats={figures.data} />}
    </>
  );
}

function MeetingCard({ m }: { m: MeetingListItem }) {
  const t = useT();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/meetings/${m.id}`}>{m.title}</Link>
      </div>
      <div className="tx-card-meta">
        <span>{`${m.date}${m.startTime ? ` ${m.startTime}` : ''}`}</span>
        <span>{m.typeName}</span>
        {m.place && <span>{m.place}</span>}
        <span>{t('mtg.attendeesN', { n: m.attendees })}</span>
        {m.opinions > 0 && <span>{t('mtg.opinionsN', { n: m.opinions })}</span>}
      </div>
    </>
  );
}

/** The school year by type: what the annual summary takes. */
function Figures({ stats }: { stats: MeetingStats }) {
  const t = useT();
  const rows = [...stats.byType.map((r) => ({ key: r.typeId, ...r })), { key: 'total', name: t('mtg.fig.total'), ...stats.total }];
  return (
    <section className="tx-panel" aria-labelledby="mtg-figures">
      <h2 className="tx-h2" id="mtg-figures">
        {t('mtg.figures')}（{t('mtg.schoolYearOf', { y: stats.schoolYear, y2: stats.schoolYear + 1 })}）
      </h2>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="meeting-figures"
        columns={[
          { key: 'name', title: t('mtg.type'), dataIndex: 'name' },
          { key: 'meetings', title: t('mtg.fig.meetings'), dataIndex: 'meetings', align: 'right' },
          { key: 'attendees', title: t('mtg.fig.attendees'), dataIndex: 'attendees', align: 'right' },
          { key: 'opinions', title: t('mtg.fig.opinions'), dataIndex: 'opinions', align: 'right' },
          { key: 'converted', title: t('mtg.fig.converted'), dataIndex: 'converted', align: 'right' },
        ]}
      />
    </section>
  );
}
