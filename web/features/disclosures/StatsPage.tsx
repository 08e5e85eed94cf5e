import './disclosures.css';
import { Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import type { DisclosureStats } from '../../../common/disclosures';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT, type TextKey } from '../../i18n';
import { useStats } from './api';
import { useCategoryName } from './parts';

const BIG: [TextKey, keyof DisclosureStats][] = [
  ['disclosures.stat.issues', 'issues'],
  ['disclosures.stat.disclosureItems', 'items'],
  ['disclosures.stat.attachments', 'attachments'],
  ['disclosures.stat.questions', 'questions'],
  ['disclosures.stat.answered', 'answered'],
];

/** 学年 starts in September: 2025 = 2025-09 … 2026-08. */
const currentSchoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};

/** /disclosures/stats: the figures a year's summary quotes (期数, 事项, 资料份数, 问答), by category. */
export default function StatsPage() {
  const t = useT();
  const category = useCategoryName();
  const [params, setParams] = useSearchParams();
  const year = currentSchoolYear();
  const schoolYear = Number(params.get('year')) || year;
  const stats = useStats(schoolYear);
  type Row = DisclosureStats['byCategory'][number];

  return (
    <>
      <PageHeader
        title={t('disclosures.statsTitle')}
        back={{ to: '/disclosures/manage', label: t('disclosures.manageTitle') }}
        extra={
          <Select
            aria-label={t('disclosures.period')}
            value={schoolYear}
            onChange={(v) => setParams({ year: String(v) }, { replace: true })}
            options={[0, 1, 2].map((i) => ({ value: year - i, label: t('disclosures.schoolYear', { y: year - i }) }))}
            style={{ minWidth: 160 }}
            data-testid="disclosure-stats-year"
          />
        }
      />
      {stats.isPending ? (
        <PageSpinner />
      ) : stats.error ? (
        <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <>
          <dl className="tx-stats" data-testid="disclosure-stats">
            {BIG.map(([key, field]) => (
              <div key={field}>
                <dt>{t(key)}</dt>
                <dd>{String(stats.data[field])}</dd>
              </div>
            ))}
          </dl>
          <p className="tx-panel" data-testid="disclosure-stats-summary">
            {t('disclosures.summaryLine', {
              y: stats.data.schoolYear,
              issues: stats.data.issues,
              categories: stats.data.byCategory.length,
              items: stats.data.items,
              attachments: stats.data.attachments,
              questions: stats.data.questions,
              answered: stats.data.answered,
            })}
          </p>
          <section className="tx-panel" aria-labelledby="stats-by-category">
            <h2 className="tx-h2" id="stats-by-category">
              {t('disclosures.byCategory')}
            </h2>
            <Table<Row>
              size="small"
              rowKey="categoryId"
              pagination={false}
              dataSource={stats.data.byCategory}
              columns={[
                { key: 'name', title: t('disclosures.field.disclosureCategory'), render: (_, r) => category(r) },
                { key: 'items', title: t('disclosures.stat.disclosureItems'), dataIndex: 'items', align: 'right' },
                { key: 'attachments', title: t('disclosures.stat.attachments'), dataIndex: 'attachments', align: 'right' },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}
