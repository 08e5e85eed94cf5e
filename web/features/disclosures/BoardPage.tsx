import './disclosures.css';
import { Button } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { usePageTitle } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useBoard } from './api';
import { AudienceTag, RichContent, StateTag, useCategoryName, useIssueLabel } from './parts';

/**
 * /disclosures/issues/:id/board — the 公开栏 of one issue, without the app's chrome: large type for a
 * projector, and an A4 print with one item per page (print CSS in disclosures.css).
 */
export default function BoardPage() {
  const { id = '' } = useParams();
  const t = useT();
  const can = useCan();
  const category = useCategoryName();
  const label = useIssueLabel();
  const board = useBoard(id);
  usePageTitle(board.data ? `${label(board.data.issue)} · ${t('disclosures.title')}` : t('disclosures.title'));
  if (board.isPending) return <PageSpinner />;
  if (board.error) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  const { orgName, issue, items } = board.data;
  const preview = issue.state !== 'published';

  return (
    <div className="dx-board">
      <div className="dx-board-tools">
        <Link to={`/disclosures/issues/${id}`}>
          <ArrowLeftOutlined aria-hidden /> {t('disclosures.boardBack')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} data-testid="board-print">
          {t('disclosures.boardPrint')}
        </Button>
      </div>
      <main className="dx-board-sheet">
        <header className="dx-board-head">
          <h1>{t('disclosures.boardHeading', { org: orgName })}</h1>
          <p>
            {label(issue)}
            {issue.publishedAt && ` · ${formatTime(issue.publishedAt).slice(0, 10)}`}
          </p>
        </header>
        {items.length === 0 && <p>{t('disclosures.boardEmpty')}</p>}
        {items.map((i) => (
          <article key={i.id} className="dx-board-item" data-testid="board-item">
            <h2>{i.title}</h2>
            <div className="dx-meta">
              <span>{category(i)}</span>
              <AudienceTag audience={i.audience} />
              {preview && can('disclosures.oversee') && <StateTag item={i} />}
            </div>
            <RichContent html={i.content} />
          </article>
        ))}
      </main>
    </div>
  );
}
