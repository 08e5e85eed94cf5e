import './disclosures.css';
import { Alert, App, Button, Empty, Form, Input, Popconfirm } from 'antd';
import { DeleteOutlined, PlusOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { IssueBoard } from '../../../common/disclosures';
import { useCan } from '../../app/auth';
import { toasted } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useBoard, useDisclosureWrite } from './api';
import { AudienceTag, IssueStateTag, StateTag, useCategoryName, useIssueLabel } from './parts';

/** The committee's tools for an issue still in preparation: its title, adding items, publishing it whole. */
function IssueWork({ board }: { board: IssueBoard }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { issue } = board;
  const path = `/api/disclosure-issues/${issue.id}`;
  const rename = useDisclosureWrite<{ title: string | null }>(path, 'PATCH');
  const publish = useDisclosureWrite(`${path}/publish`);
  const remove = useDisclosureWrite<void, void>(path, 'DELETE');
  const pending = issue.items - issue.approved;
  return (
    <section className="tx-panel" aria-labelledby="issue-work">
      <h2 className="tx-h2" id="issue-work">
        {t('common.actions')}
      </h2>
      <Form layout="inline" initialValues={{ title: issue.title ?? '' }} onFinish={(v: { title: string }) => toasted(rename.mutateAsync({ title: v.title || null }).then(() => message.success(t('common.saved'))))} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="title" label={t('disclosures.issueTitle')}>
          <Input maxLength={60} />
        </Form.Item>
        <Button htmlType="submit" loading={rename.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      {issue.items > 0 && pending > 0 && <Alert className="dx-banner" type="warning" showIcon title={t('disclosures.publishNotReady', { n: pending })} />}
      <div className="dx-actions">
        <LinkButton to={`/disclosures/new?issueId=${issue.id}`} icon={<PlusOutlined aria-hidden />} data-testid="issue-add-item">
          {t('disclosures.addToIssue')}
        </LinkButton>
        <Popconfirm title={t('disclosures.publishConfirm', { n: issue.items })} okText={t('common.yes')} cancelText={t('common.cancel')} onConfirm={() => toasted(publish.mutateAsync(undefined).then(() => message.success(t('common.saved'))))}>
          <Button type="primary" icon={<SendOutlined aria-hidden />} disabled={issue.items === 0 || pending > 0} loading={publish.isPending} data-testid="issue-publish">
            {t('disclosures.publishIssue')}
          </Button>
        </Popconfirm>
        {issue.items === 0 && (
          <Popconfirm title={t('disclosures.deleteIssueConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => toasted(remove.mutateAsync().then(() => navigate('/disclosures/issues', { replace: true })))}>
            <Button danger icon={<DeleteOutlined aria-hidden />}>
              {t('disclosures.deleteIssue')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </section>
  );
}

/** /disclosures/issues/:id: one 第N期 — its items (each reader sees theirs), the board, and for the committee the work. */
export default function IssuePage() {
  const { id = '' } = useParams();
  const t = useT();
  const can = useCan();
  const category = useCategoryName();
  const label = useIssueLabel();
  const board = useBoard(id);
  if (board.isPending) return <PageSpinner />;
  if (board.error) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  const { issue, items } = board.data;
  const oversee = can('disclosures.oversee');

  return (
    <>
      <PageHeader
        title={label(issue)}
        back={{ to: '/disclosures/issues', label: t('disclosures.issuesTitle') }}
        extra={
          <LinkButton to={`/disclosures/issues/${id}/board`} icon={<PrinterOutlined aria-hidden />} data-testid="issue-board">
            {t('disclosures.board')}
          </LinkButton>
        }
      />
      {oversee && (
        <p className="dx-meta">
          <IssueStateTag issue={issue} />
          <span>{issue.state === 'draft' ? t('disclosures.issueItems', { items: issue.items, approved: issue.approved }) : t('disclosures.issueCount', { items: issue.items })}</span>
        </p>
      )}
      {can('disclosures.write') && issue.state === 'draft' && <IssueWork board={board.data} />}
      {items.length === 0 ? (
        <Empty description={oversee ? t('common.empty') : t('disclosures.boardEmpty')} />
      ) : (
        <ul className="dx-feed" aria-label={label(issue)}>
          {items.map((i) => (
            <li key={i.id}>
              <Link to={`/disclosures/${i.id}`} className="dx-feed-item" data-testid="issue-entry">
                <span className="dx-feed-title">
                  {oversee && <StateTag item={i} />}
                  <span>{i.title}</span>
                </span>
                <span className="dx-feed-meta">
                  <span>{category(i)}</span>
                  <AudienceTag audience={i.audience} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
