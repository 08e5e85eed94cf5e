import './hardship.css';
import { App, Button } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { toasted } from '../../app/notify';
import { useParams } from 'react-router';
import { HARDSHIP_FILE_LEVEL_LABELS, PAY_FORM_LABELS, type CampaignItem, type CampaignPayAllResult, type HardshipCampaignDetail } from '../../../common/hardship';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { useYuan } from '../care/parts';
import { useCampaign, useHardshipWrite } from './api';
import { LevelTag } from './parts';
import { useSchoolToday } from '../../app/today';

/** /hardship/campaigns/:id: everyone in the plan, marked visited and paid one by one; the 签收单. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const c = useCampaign(id);
  if (c.isPending) return <PageSpinner />;
  if (c.error) return <ErrorState error={c.error} onRetry={() => c.refetch()} />;
  return <CampaignView c={c.data} />;
}

function CampaignView({ c }: { c: HardshipCampaignDetail }) {
  const today = useSchoolToday();
  const t = useT();
  const label = useLabel();
  const yuan = useYuan();
  const { message, modal } = App.useApp();
  const step = useHardshipWrite<{ itemId: string; step: 'visit' | 'pay'; date: string }, HardshipCampaignDetail>((b) => `/api/hardship/campaigns/${c.id}/items/${b.itemId}/${b.step}`);
  const run = (itemId: string, s: 'visit' | 'pay') => step.mutateAsync({ itemId, step: s, date: today }).then(() => message.success(t('hs.saved')));
  const payAll = useHardshipWrite<{ date: string }, CampaignPayAllResult>(`/api/hardship/campaigns/${c.id}/pay-all`);
  const unpaid = c.items.filter((i) => !i.paidOn);
  const payable = unpaid.filter((i) => !i.problem);
  // Says before anyone is paid who will be and who will not, and after, what was done.
  const askPayAll = () =>
    modal.confirm({
      title: t('hs.payAllConfirm', { n: payable.length, amount: yuan(c.amount), total: yuan(payable.length * c.amount) }),
      content: payable.length < unpaid.length && (
        <ul className="tx-hs-skipped">
          {unpaid.filter((i) => i.problem).map((i) => (
            <li key={i.id}>{i.problem}</li>
          ))}
        </ul>
      ),
      okText: t('hs.payAll'),
      okButtonProps: { disabled: payable.length === 0, 'data-testid': 'hs-pay-all-ok' },
      cancelText: t('common.cancel'),
      onOk: () =>
        toasted(
          payAll.mutateAsync({ date: today }).then((r) =>
            r.skipped.length
              ? message.warning(t('hs.payAllDone', { n: r.paid, total: yuan(r.total) }) + t('hs.payAllSkipped', { n: r.skipped.length }))
              : message.success(t('hs.payAllDone', { n: r.paid, total: yuan(r.total) })),
          ),
        ),
    });
  const actions = (i: CampaignItem) =>
    i.paidOn ? (
      <span>{t('hs.paid', { date: i.paidOn, amount: yuan(i.paidAmount ?? 0), form: label(PAY_FORM_LABELS, c.form) })}</span>
    ) : (
      <span className="tx-hs-actions">
        {!i.visitedOn && (
          <Button size="small" onClick={() => run(i.id, 'visit')} aria-label={`${t('hs.markVisited')} ${i.name}`}>
            {t('hs.markVisited')}
          </Button>
        )}
        <Button size="small" type="primary" disabled={!!i.problem} onClick={() => run(i.id, 'pay')} aria-label={`${t('hs.payOne')} ${i.name}`} data-testid="hs-campaign-pay">
          {t('hs.payOne')}
        </Button>
      </span>
    );
  return (
    <>
      <PageHeader
        title={c.title}
        back={{ to: '/hardship?tab=campaigns', label: t('hs.title') }}
        extra={
          <>
            {unpaid.length > 0 && (
              <Button type="primary" onClick={askPayAll} data-testid="hs-pay-all">
                {t('hs.payAll')}
              </Button>
            )}
            <DownloadButton path={`/api/hardship/campaigns/${c.id}/receipt`} fallbackName={`${c.title}签收单.pdf`} icon={<FilePdfOutlined aria-hidden />} data-testid="hs-receipt">
              {t('hs.receipt')}
            </DownloadButton>
          </>
        }
      />
      <div className="tx-panel">
        <p>
          {c.date} · {c.levels.map((l) => label(HARDSHIP_FILE_LEVEL_LABELS, l)).join('、')} · {t('hs.perPerson')} {yuan(c.amount)}（{label(PAY_FORM_LABELS, c.form)}）
        </p>
        <p role="status">
          {t('hs.progress', { visited: c.visited, paid: c.paid, count: c.count })} · {t('hs.paidTotal')} {yuan(c.paidTotal)}
        </p>
        <DataList<CampaignItem>
          label={c.title}
          rows={c.items}
          rowKey={(i) => i.id}
          columns={[
            { key: 'name', title: t('hs.member'), dataIndex: 'name' },
            { key: 'department', title: t('field.department'), dataIndex: 'department' },
            { key: 'level', title: t('hs.level'), render: (_, i) => <LevelTag level={i.level} /> },
            { key: 'visited', title: t('hs.visited'), render: (_, i) => i.visitedOn ?? '' },
            { key: 'actions', title: '', render: (_, i) => (
              <>
                {actions(i)}
                {i.problem && <span className="tx-hs-problem">{i.problem}</span>}
              </>
            ) },
          ]}
          renderCard={(i) => (
            <>
              <div className="tx-card-title">
                <span>{i.name}</span>
                <LevelTag level={i.level} />
              </div>
              <div className="tx-card-meta">
                {i.department && <span>{i.department}</span>}
                {i.visitedOn && <span>{t('hs.visited')} {i.visitedOn}</span>}
              </div>
              {i.problem && <p className="tx-hs-problem">{i.problem}</p>}
              {actions(i)}
            </>
          )}
        />
      </div>
    </>
  );
}
