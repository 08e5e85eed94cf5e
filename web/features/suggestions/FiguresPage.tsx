import './suggestions.css';
import { Select, Table } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { SUGGESTION_CATEGORY_LABELS, type SuggestionFigures } from '../../../common/suggestions';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { useFigures, useToLabel } from './api';

const days = (n: number | null) => (n === null ? '—' : String(n));

/** /suggestions/figures: received, answered and days to answer per 学年, by category and by addressee. */
export default function FiguresPage() {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const [params, setParams] = useSearchParams();
  // Without a year the server answers for the current 学年 of the school's calendar; the choices count back from it.
  const current = useFigures();
  const figures = useFigures(Number(params.get('year')) || undefined);
  const now = current.data?.schoolYear;

  const numbers: ColumnsType<SuggestionFigures> = [
    { key: 'received', title: t('sug.received'), dataIndex: 'received', align: 'right' },
    { key: 'answered', title: t('sug.answered'), dataIndex: 'answered', align: 'right' },
    { key: 'avg', title: t('sug.avgDays'), render: (_, f) => days(f.avgDaysToAnswer), align: 'right' },
  ];
  const table = <R extends SuggestionFigures>(title: string, first: ColumnsType<R>[number], rows: R[], key: (r: R) => string) => (
    <section className="tx-panel" aria-label={title}>
      <h2 className="tx-h2">{title}</h2>
      <Table<R> size="small" rowKey={key} columns={[first, ...(numbers as ColumnsType<R>)]} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </section>
  );

  return (
    <>
      <PageHeader
        title={t('sug.figures')}
        back={{ to: '/suggestions', label: t('sug.title') }}
        extra={
          <Select
            aria-label={t('sug.period')}
            value={figures.data?.schoolYear}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            options={now ? [0, 1, 2].map((i) => ({ value: now - i, label: t('sug.schoolYear', { y: now - i }) })) : []}
            style={{ minWidth: 160 }}
            data-testid="figures-year"
          />
        }
      />
      {figures.isPending ? (
        <PageSpinner />
      ) : figures.error ? (
        <ErrorState error={figures.error} onRetry={() => figures.refetch()} />
      ) : (
        <>
          <dl className="tx-stats" data-testid="figures-total">
            <div>
              <dt>{t('sug.received')}</dt>
              <dd>{figures.data.total.received}</dd>
            </div>
            <div>
              <dt>{t('sug.answered')}</dt>
              <dd>{figures.data.total.answered}</dd>
            </div>
            <div>
              <dt>{t('sug.avgDays')}</dt>
              <dd>{days(figures.data.total.avgDaysToAnswer)}</dd>
            </div>
          </dl>
          <p className="tx-sug-muted">{t('sug.figuresNote', { from: figures.data.from, to: dayjs(figures.data.to).subtract(1, 'day').format('YYYY-MM-DD') })}</p>
          {table(t('sug.byCategory'), { key: 'category', title: t('sug.category'), render: (_, r) => label(SUGGESTION_CATEGORY_LABELS, r.category) }, figures.data.byCategory, (r) => r.category)}
          {table(t('sug.byAddressee'), { key: 'to', title: t('sug.to'), render: (_, r) => toLabel(r.to) }, figures.data.byAddressee, (r) => r.to.departmentId ?? r.to.kind)}
        </>
      )}
    </>
  );
}
