import './proposals.css';
import { Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import type { ProposalFigures } from '../../../common/proposals';
import { FileWordOutlined } from '@ant-design/icons';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT, type TextKey } from '../../i18n';
import { useStats, useWindows } from './api';

const pct = (r: number | null) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`);
const BIG: [TextKey, (f: ProposalFigures) => string][] = [
  ['stats.submitted', (f) => String(f.submitted)],
  ['stats.accepted', (f) => String(f.accepted)],
  ['stats.acceptedRate', (f) => pct(f.acceptedRate)],
  ['stats.doneRate', (f) => pct(f.doneRate)],
  ['stats.satisfactionRate', (f) => pct(f.satisfactionRate)],
];

/** 学年 starts in September: 2025 = 2025-09 … 2026-08. */
const currentSchoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};

/** /proposals/stats: the figures annual reports quote, per session or per 学年. */
export default function StatsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? `y:${currentSchoolYear()}`;
  const query = period.startsWith('s:') ? { sessionId: period.slice(2) } : { schoolYear: Number(period.slice(2)) };
  const stats = useStats(query);
  const windows = useWindows();
  const year = currentSchoolYear();
  const periodOptions = [
    ...[0, 1, 2].map((i) => ({ value: `y:${year - i}`, label: t('proposals.schoolYear', { y: year - i }) })),
    ...(windows.data?.items ?? []).map((w) => ({ value: `s:${w.sessionId}`, label: w.sessionName })),
  ];

  const figureColumns: ColumnsType<ProposalFigures> = [
    { key: 'submitted', title: t('stats.submitted'), dataIndex: 'submitted', align: 'right' },
    { key: 'accepted', title: t('stats.accepted'), dataIndex: 'accepted', align: 'right' },
    { key: 'acceptedRate', title: t('stats.acceptedRate'), render: (_, f) => pct(f.acceptedRate), align: 'right' },
    { key: 'done', title: t('stats.done'), dataIndex: 'done', align: 'right' },
    { key: 'doneRate', title: t('stats.doneRate'), render: (_, f) => pct(f.doneRate), align: 'right' },
    { key: 'rated', title: t('stats.rated'), dataIndex: 'rated', align: 'right' },
    { key: 'satisfactionRate', title: t('stats.satisfactionRate'), render: (_, f) => pct(f.satisfactionRate), align: 'right' },
  ];
  const table = <R extends ProposalFigures>(title: string, first: ColumnsType<R>[number], rows: R[], key: (r: R) => string) => (
    <section className="tx-panel" aria-label={title}>
      <h2 className="tx-h2">{title}</h2>
      <Table<R> size="small" rowKey={key} columns={[first, ...(figureColumns as ColumnsType<R>)]} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </section>
  );

  return (
    <>
      <PageHeader
        title={t('proposals.statsTitle')}
        back={{ to: '/proposals', label: t('proposals.title') }}
        extra={
          <>
            <Select
              aria-label={t('proposals.period')}
              value={period}
              onChange={(v) => setParams({ period: v }, { replace: true })}
              options={periodOptions}
              style={{ minWidth: 180 }}
              data-testid="stats-period"
            />
            <DownloadButton path="/api/proposals/report" fallbackName="提案办理情况报告.docx" query={query} icon={<FileWordOutlined aria-hidden />} data-testid="stats-report">
              {t('proposals.report')}
            </DownloadButton>
          </>
        }
      />
      {stats.isPending ? (
        <PageSpinner />
      ) : stats.error ? (
        <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <>
          <dl className="tx-stats" data-testid="stats-total">
            {BIG.map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value(stats.data.total)}</dd>
              </div>
            ))}
          </dl>
          {table(t('proposals.byCategory'), { key: 'label', title: t('field.category'), dataIndex: 'label' }, stats.data.byCategory, (r) => r.category)}
          {table(t('proposals.byDepartment'), { key: 'department', title: t('proposals.department'), dataIndex: 'department' }, stats.data.byDepartment, (r) => r.department)}
        </>
      )}
    </>
  );
}
