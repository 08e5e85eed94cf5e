import './disclosures.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Page } from '../../../common/api';
import type { DisclosureListItem } from '../../../common/disclosures';
import { api } from '../../app/api';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { DISCLOSURES_KEY } from './api';
import { AudienceTag, CardList, useCategoryName, useIssueLabel } from './parts';

/** /disclosures/review: what waits for the 监督小组, oldest submission first; each opens to approve or return. */
export default function ReviewPage() {
  const t = useT();
  const category = useCategoryName();
  const issue = useIssueLabel();
  const query = { state: 'submitted', pageSize: 200 };
  const queue = useQuery({ queryKey: [...DISCLOSURES_KEY, 'review'], queryFn: () => api<Page<DisclosureListItem>>('/api/disclosures', { query }) });
  const items = [...(queue.data?.items ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));

  return (
    <>
      <PageHeader title={t('disclosures.reviewTitle')} back={{ to: '/disclosures', label: t('disclosures.title') }} />
      <CardList
        query={queue}
        items={queue.data && items}
        label={t('disclosures.reviewTitle')}
        empty={t('disclosures.reviewEmpty')}
        card={(i) => (
          <Link to={`/disclosures/${i.id}`} className="dx-feed-item" data-testid="review-item">
            <span className="dx-feed-title">{i.title}</span>
            <span className="dx-feed-meta">
              <span>{category(i)}</span>
              {i.issueNumber != null && <span>{issue({ schoolYear: i.issueYear, number: i.issueNumber })}</span>}
              <AudienceTag audience={i.audience} />
              <span>
                {i.authorName} · {formatTime(i.submittedAt)}
              </span>
            </span>
          </Link>
        )}
      />
    </>
  );
}
