import './hardship.css';
import { Alert, Descriptions, Empty } from 'antd';
import { CARE_FORM_LABELS, CARE_TYPE_LABELS, FESTIVAL_LABELS, type CareForm, type CareType, type Festival } from '../../../common/care';
import { HARDSHIP_REASON_LABELS, type MyCareRecord } from '../../../common/hardship';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { useYuan } from '../care/parts';
import { useMine, useMyCare } from './api';
import { ApplicationList } from './HardshipPage';
import { FileStatusTag, LevelTag } from './parts';

/** /hardship/mine (我的帮扶): the member's own file (no committee notes), applications and 慰问 received. */
export default function MyHelpPage() {
  const t = useT();
  const label = useLabel();
  const yuan = useYuan();
  const mine = useMine();
  const care = useMyCare();
  if (mine.isPending) return <PageSpinner />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  const { file, applications } = mine.data;
  const what = (r: MyCareRecord) => [label(CARE_TYPE_LABELS, r.type as CareType), r.festival && label(FESTIVAL_LABELS, r.festival as Festival), r.item].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={t('my.title')}
        extra={
          mine.data.memberId && (
            <LinkButton to="/hardship/apply" type="primary" data-testid="my-apply">
              {t('hs.apply')}
            </LinkButton>
          )
        }
      />
      {!mine.data.memberId && <Alert type="info" showIcon title={t('my.noMember')} style={{ marginBottom: 12 }} />}
      <section className="tx-panel" aria-labelledby="my-file">
        <h2 id="my-file" className="tx-h2">
          {t('my.file')}
        </h2>
        {file ? (
          <>
            <p>
              <LevelTag level={file.level} /> <FileStatusTag f={file} />
            </p>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'reasons', label: t('hs.reasons'), children: file.reasons.map((r) => label(HARDSHIP_REASON_LABELS, r)).join('、') },
                { key: 'household', label: t('hs.household'), children: t('hs.householdN', { n: file.householdSize }) },
                { key: 'income', label: t('hs.income'), children: yuan(file.incomePerHead) },
                { key: 'situation', label: t('hs.situation'), children: file.situation },
                { key: 'review', label: t('hs.reviewOn'), children: file.reviewOn },
              ]}
            />
          </>
        ) : (
          <p className="tx-hs-muted">{t('my.noFile')}</p>
        )}
      </section>
      <section className="tx-panel" aria-labelledby="my-applications">
        <h2 id="my-applications" className="tx-h2">
          {t('my.applications')}
        </h2>
        {applications.length === 0 ? <Empty description={t('my.noApplications')} /> : <ApplicationList rows={applications} />}
      </section>
      <section className="tx-panel" aria-labelledby="my-care" data-testid="my-care">
        <h2 id="my-care" className="tx-h2">
          {t('my.care')}
        </h2>
        {care.error ? (
          <ErrorState error={care.error} onRetry={() => care.refetch()} />
        ) : care.data?.items.length === 0 ? (
          <Empty description={t('my.noCare')} />
        ) : (
          <DataList<MyCareRecord>
            label={t('my.care')}
            rows={care.data?.items}
            loading={care.isPending}
            rowKey={(r) => r.id}
            columns={[
              { key: 'date', title: t('hs.date'), dataIndex: 'date' },
              { key: 'what', title: t('care.type'), render: (_, r) => what(r) },
              { key: 'form', title: t('care.form'), render: (_, r) => label(CARE_FORM_LABELS, r.form as CareForm) },
              { key: 'amount', title: t('hs.amount'), align: 'right', render: (_, r) => yuan(r.amount) },
            ]}
            renderCard={(r) => (
              <>
                <div className="tx-card-title">
                  <span>{what(r)}</span>
                  <span>{yuan(r.amount)}</span>
                </div>
                <div className="tx-card-meta">
                  <span>{r.date}</span>
                  <span>{label(CARE_FORM_LABELS, r.form as CareForm)}</span>
                </div>
              </>
            )}
          />
        )}
      </section>
    </>
  );
}
