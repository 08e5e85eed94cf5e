import './suggestions.css';
import { Empty, Spin } from 'antd';
import { SUGGESTION_CATEGORY_LABELS, type WallEntry } from '../../../common/suggestions';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PhonePager } from '../../components/PhonePager';
import { useListQuery } from '../../components/useListQuery';
import { useLabel, useT } from '../../i18n';
import { useToLabel } from './api';

/** /suggestions/wall: the 回音壁, questions and answers for every member to read; never a writer's name. */
export default function WallPage() {
  const t = useT();
  const label = useLabel();
  const toLabel = useToLabel();
  const { result, listProps } = useListQuery<WallEntry>('/api/suggestions/wall', { pageSize: 10 });
  return (
    <>
      <PageHeader title={t('sug.wall')} back={{ to: '/suggestions', label: t('sug.title') }} />
      <p className="tx-sug-muted">{t('sug.wallIntro')}</p>
      {result.error ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <Spin spinning={listProps.loading}>
          {listProps.rows?.length === 0 ? (
            <Empty description={t('sug.wallEmpty')} />
          ) : (
            <ul className="tx-wall" data-testid="wall">
              {listProps.rows?.map((w) => (
                <li key={w.id}>
                  <p className="tx-wall-q">{w.question}</p>
                  <p className="tx-wall-a">
                    <strong>{t('sug.wallAnswerLabel')}：</strong>
                    {w.answer}
                  </p>
                  <div className="tx-card-meta">
                    <span>
                      {t('sug.to')} {toLabel(w.to)}
                    </span>
                    <span>{label(SUGGESTION_CATEGORY_LABELS, w.category)}</span>
                    <span>{w.publishedOn}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {listProps.total > listProps.pageSize && <PhonePager page={listProps.page} pageSize={listProps.pageSize} total={listProps.total} onChange={listProps.onPageChange} />}
        </Spin>
      )}
    </>
  );
}
