import './disclosures.css';
import { useEffect, useRef } from 'react';
import { Alert } from 'antd';
import { Link, useParams } from 'react-router';
import type { Disclosure } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { Attachments } from '../../components/Attachments';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useDisclosure, useMarkRead } from './api';
import { QuestionsPanel } from './QuestionsPanel';
import { ReadsPanel } from './ReadsPanel';
import { AudienceTag, RichContent, StateTag, useCategoryName, useIssueLabel, usePeriodText } from './parts';
import { HistoryPanel, WorkflowPanel } from './WorkflowPanel';

/**
 * Opening a live item records the read receipt, once. True until that is done (or not needed): the read
 * status asked for meanwhile would miss the reader's own receipt and not be asked again.
 */
function useReceipt(item: Disclosure | undefined): boolean {
  const mark = useMarkRead(item?.id ?? '');
  const sent = useRef('');
  const due = !!item && item.live && !item.read && sent.current !== item.id;
  useEffect(() => {
    if (!item || !due) return;
    sent.current = item.id;
    mark.mutate();
  }, [item, due, mark]);
  return due || mark.isPending;
}

function Facts({ item, oversee }: { item: Disclosure; oversee: boolean }) {
  const t = useT();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const period = usePeriodText();
  return (
    <div className="dx-meta">
      {oversee && <StateTag item={item} />}
      <AudienceTag audience={item.audience} />
      <span>{category(item)}</span>
      {item.issueId && item.issueNumber != null && <Link to={`/disclosures/issues/${item.issueId}`}>{issue({ schoolYear: item.issueYear, number: item.issueNumber })}</Link>}
      {item.publishedAt && (
        <span>
          {t('disclosures.field.publishedAt')} {formatTime(item.publishedAt).slice(0, 10)}
        </span>
      )}
      <span>
        {t('disclosures.field.period')} {period(item)}
      </span>
    </div>
  );
}

/** /disclosures/:id: the item for its readers (questions below); its work and read status for the committee. */
export default function DisclosurePage() {
  const { id = '' } = useParams();
  const t = useT();
  const can = useCan();
  const query = useDisclosure(id);
  const receiptPending = useReceipt(query.data);
  if (query.isPending) return <PageSpinner />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const item = query.data;
  const oversee = can('disclosures.oversee');
  const returned = item.returned ? [...(item.history ?? [])].reverse().find((e) => e.action === 'return') : undefined;

  return (
    <>
      <PageHeader title={item.title} back={oversee ? { to: '/disclosures/manage', label: t('disclosures.manageTitle') } : { to: '/disclosures', label: t('disclosures.title') }} />
      <div className={oversee ? 'dx-item' : ''}>
        <div className="dx-item-main">
          <article className="tx-panel" aria-label={item.title}>
            <Facts item={item} oversee={oversee} />
            {returned?.comment && <Alert className="dx-banner" type="error" showIcon title={t('disclosures.returnedBanner', { comment: returned.comment })} data-testid="disclosure-returned" />}
            {oversee && !item.live && <Alert className="dx-banner" type="info" showIcon title={t('disclosures.notLive')} />}
            <RichContent html={item.content} />
          </article>
          {/* 资料: the committee attaches them while drafting; the server decides who may (disclosures.files.ts). */}
          <Attachments title={t('disclosures.files')} ownerKind="disclosure" ownerId={item.id} editable={can('disclosures.write') && item.state === 'draft'} data-testid="disclosure-files" />
          <QuestionsPanel item={item} />
        </div>
        {oversee && (
          <div className="dx-item-side">
            <WorkflowPanel item={item} />
            <ReadsPanel item={item} ready={!receiptPending} />
            <HistoryPanel item={item} />
          </div>
        )}
      </div>
    </>
  );
}
