import './disclosures.css';
import { Select } from 'antd';
import { AuditOutlined, BarChartOutlined, ProfileOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { FeedItem } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { formatTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PhonePager } from '../../components/PhonePager';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useCategories, useFeed } from './api';
import { AudienceTag, CardList, useCategoryName, useIssueLabel } from './parts';

const PAGE_SIZE = 20;

function FeedCard({ item }: { item: FeedItem }) {
  const t = useT();
  const category = useCategoryName();
  const issue = useIssueLabel();
  return (
    <Link to={`/disclosures/${item.id}`} className={`dx-feed-item${item.read ? '' : ' dx-unread'}`} data-testid="disclosure-feed-item">
      <span className="dx-feed-title">
        {!item.read && <ToneTag tone="red">{t('disclosures.new')}</ToneTag>}
        <span>{item.title}</span>
      </span>
      <span className="dx-feed-meta">
        <span>{category(item)}</span>
        {item.issueNumber != null && <span>{issue({ schoolYear: item.issueYear, number: item.issueNumber })}</span>}
        <span>{formatTime(item.publishedAt).slice(0, 10)}</span>
        {item.audience !== 'staff' && <AudienceTag audience={item.audience} />}
      </span>
      {item.excerpt && <span className="dx-feed-excerpt">{item.excerpt}</span>}
    </Link>
  );
}

/** /disclosures: what the school has made public to this reader, 新公开 first marked; the committee's doors. */
export default function DisclosuresPage() {
  const t = useT();
  const can = useCan();
  const category = useCategoryName();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const categoryId = params.get('categoryId') ?? undefined;
  const feed = useFeed({ categoryId, page, pageSize: PAGE_SIZE });
  const categories = useCategories();
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const actions = (
    <>
      {can('disclosures.review') && (
        <LinkButton to="/disclosures/review" icon={<AuditOutlined aria-hidden />} data-testid="disclosures-review-link">
          {t('disclosures.review')}
        </LinkButton>
      )}
      {can('disclosures.oversee') && (
        <>
          <LinkButton to="/disclosures/manage" icon={<SettingOutlined aria-hidden />} data-testid="disclosures-manage-link">
            {t('disclosures.manage')}
          </LinkButton>
          <LinkButton to="/disclosures/stats" icon={<BarChartOutlined aria-hidden />}>
            {t('disclosures.stats')}
          </LinkButton>
        </>
      )}
      <LinkButton to="/disclosures/issues" icon={<ProfileOutlined aria-hidden />} data-testid="disclosures-issues-link">
        {t('disclosures.issues')}
      </LinkButton>
    </>
  );

  const unread = feed.data?.unread ?? 0;
  return (
    <>
      <PageHeader title={t('disclosures.title')} extra={actions} />
      <div className="dx-summary">
        <span className="dx-summary-count" role="status" data-testid="disclosures-unread">
          {feed.data ? (unread > 0 ? t('disclosures.newCount', { n: unread }) : t('disclosures.allRead')) : ''}
        </span>
        <Select
          aria-label={t('disclosures.categoryFilter')}
          placeholder={t('disclosures.allCategories')}
          value={categoryId}
          onChange={(v?: string) => set({ categoryId: v, page: undefined })}
          allowClear
          style={{ minWidth: 200 }}
          options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: category(c) }))}
        />
      </div>
      <CardList
        query={feed}
        items={feed.data?.items}
        label={t('disclosures.feed')}
        empty={t('common.empty')}
        card={(i) => <FeedCard item={i} />}
        footer={(feed.data?.total ?? 0) > PAGE_SIZE && <PhonePager page={page} pageSize={PAGE_SIZE} total={feed.data!.total} onChange={(p) => set({ page: String(p) })} />}
      />
    </>
  );
}
