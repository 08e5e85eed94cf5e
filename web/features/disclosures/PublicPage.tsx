import './disclosures.css';
import { Empty } from 'antd';
import { Link, useParams } from 'react-router';
import { Brand } from '../../app/layout/Brand';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { usePageTitle } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { usePublicDisclosures } from './api';
import { RichContent, useCategoryName, useIssueLabel } from './parts';

/** /public/:orgId/disclosures — what a school publishes to everyone; no sign-in, nothing but public items. */
export default function PublicPage() {
  const { orgId = '' } = useParams();
  const t = useT();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const list = usePublicDisclosures(orgId);
  const title = list.data ? t('disclosures.publicTitle', { org: list.data.orgName }) : t('disclosures.title');
  usePageTitle(title);

  return (
    <div className="dx-public">
      <header className="dx-public-head">
        <div className="dx-public-head-row">
          <Brand compact />
          <Link to="/login">{t('disclosures.signIn')}</Link>
        </div>
      </header>
      <main className="dx-public-main" id="main">
        {list.isPending ? (
          <PageSpinner />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <>
            <div>
              <h1 className="tx-h1">{title}</h1>
              <p className="dx-muted">{t('disclosures.publicIntro')}</p>
            </div>
            {list.data.items.length === 0 && <Empty description={t('disclosures.publicEmpty')} />}
            {list.data.items.map((i) => (
              <article key={i.id} aria-labelledby={`public-${i.id}`} data-testid="public-item">
                <h2 id={`public-${i.id}`}>{i.title}</h2>
                <div className="dx-meta">
                  <span>{category(i)}</span>
                  {i.issueNumber != null && <span>{issue({ schoolYear: i.issueYear, number: i.issueNumber })}</span>}
                  <span>{formatTime(i.publishedAt).slice(0, 10)}</span>
                </div>
                <RichContent html={i.content} />
                {i.files.length > 0 && (
                  <>
                    <h3 className="dx-h3">{t('disclosures.files')}</h3>
                    <ul data-testid="public-files">
                      {i.files.map((f) => (
                        <li key={f.id}>
                          <a href={`/api/public/${orgId}/disclosures/${i.id}/files/${f.id}`} download={f.name}>
                            {f.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {i.questions.length > 0 && (
                  <>
                    <h3 className="dx-h3">{t('disclosures.questions')}</h3>
                    <ol className="dx-qa">
                      {i.questions.map((q, n) => (
                        <li key={n}>
                          <p className="dx-qa-q">{q.body}</p>
                          <p className="dx-qa-a">
                            <strong>{t('disclosures.answer')}：</strong>
                            {q.answer}
                          </p>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </article>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
