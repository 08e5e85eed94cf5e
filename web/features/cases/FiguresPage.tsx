import './cases.css';
import { Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { CASE_CATEGORY_LABELS, type CaseCount, type CaseCategory } from '../../../common/cases';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { useCaseFigures } from './api';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const number = (x: number | null) => (x === null ? '—' : String(x));

/** /cases/figures: the year's cases by category, open and closed, days to close, explained, satisfaction — no names. */
export default function FiguresPage() {
  const t = useT();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  // Without a year the server answers for the school's current calendar year; the choices count back from it.
  const current = useCaseFigures();
  const figures = useCaseFigures(Number(params.get('year')) || undefined);
  const now = current.data?.year;
  const f = figures.data;
  const stat = (key: string, title: string, value: string, bad = false) => (
    <div key={key} className={bad ? 'tx-stat-bad' : undefined}>
      <dt>{title}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('case.figures')}
        extra={
          <Select
            aria-label={t('case.figures')}
            value={f?.year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            options={now ? [0, 1, 2].map((i) => ({ value: now - i, label: t('case.year', { y: now - i }) })) : []}
            style={{ minWidth: 120 }}
            data-testid="case-figures-year"
          />
        }
      />
      {figures.isPending ? (
        <PageSpinner />
      ) : figures.error ? (
        <ErrorState error={figures.error} onRetry={() => figures.refetch()} />
      ) : (
        <>
          <dl className="tx-stats" data-testid="case-figures">
            {stat('total', t('case.total'), String(f!.total))}
            {stat('open', t('case.open'), String(f!.open))}
            {stat('closed', t('case.closed'), String(f!.closed))}
            {stat('overdue', t('case.overdue'), String(f!.overdue), f!.overdue > 0)}
            {stat('median', t('case.medianDays'), number(f!.medianDaysToClose))}
            {stat('explained', t('case.explainedShare'), percent(f!.explainedShare))}
            {stat('satisfied', t('case.satisfaction'), percent(f!.satisfiedShare))}
            {stat('avg', t('case.avgRating'), number(f!.avgRating))}
          </dl>
          <p className="tx-case-muted">{t('case.figuresNote', { y: f!.year, n: f!.rated })}</p>
          <section className="tx-panel" aria-labelledby="case-by-category">
            <h2 className="tx-h2" id="case-by-category">
              {t('case.byCategory')}
            </h2>
            <Table<CaseCount & { category: CaseCategory }>
              size="small"
              rowKey="category"
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('case.noCases') }}
              dataSource={f!.byCategory}
              columns={[
                { key: 'category', title: t('case.category'), render: (_, r) => label(CASE_CATEGORY_LABELS, r.category) },
                { key: 'total', title: t('case.total'), dataIndex: 'total', align: 'right' },
                { key: 'open', title: t('case.open'), dataIndex: 'open', align: 'right' },
                { key: 'closed', title: t('case.closed'), dataIndex: 'closed', align: 'right' },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}
