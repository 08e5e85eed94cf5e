import './disclosures.css';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { DisclosureIssue } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { formatTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useDisclosureWrite, useIssues } from './api';
import { CardList, IssueStateTag, useIssueLabel } from './parts';

/** /disclosures/issues: the 第N期 bulletins, newest first (readers: the published ones). */
export default function IssuesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const label = useIssueLabel();
  const issues = useIssues();
  const create = useDisclosureWrite<object, DisclosureIssue>('/api/disclosure-issues');
  const oversee = can('disclosures.oversee');

  const extra = can('disclosures.write') && (
    <Button
      type="primary"
      icon={<PlusOutlined aria-hidden />}
      loading={create.isPending}
      onClick={() => toasted(create.mutateAsync({}).then((i) => (message.success(t('common.saved')), navigate(`/disclosures/issues/${i.id}`))))}
      data-testid="issues-new"
    >
      {t('disclosures.newIssue')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('disclosures.issuesTitle')} back={{ to: '/disclosures', label: t('disclosures.title') }} extra={extra || undefined} />
      <CardList
        query={issues}
        items={issues.data?.items}
        label={t('disclosures.issuesTitle')}
        empty={t('common.empty')}
        card={(i) => (
          <Link to={`/disclosures/issues/${i.id}`} className="dx-feed-item" data-testid="issue-item">
            <span className="dx-feed-title">
              <span>{label(i)}</span>
              {oversee && <IssueStateTag issue={i} />}
            </span>
            <span className="dx-feed-meta">
              {oversee && <span>{i.state === 'draft' ? t('disclosures.issueItems', { items: i.items, approved: i.approved }) : t('disclosures.issueCount', { items: i.items })}</span>}
              {i.publishedAt && (
                <span>
                  {t('disclosures.field.publishedAt')} {formatTime(i.publishedAt).slice(0, 10)}
                </span>
              )}
            </span>
          </Link>
        )}
      />
    </>
  );
}
