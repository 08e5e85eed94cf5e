import './hardship.css';
import { useState } from 'react';
import { Button, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import { useParams } from 'react-router';
import { HARDSHIP_FILE_LEVEL_LABELS, HARDSHIP_REASON_LABELS, PAY_FORM_LABELS, type HardshipFileDetail } from '../../../common/hardship';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { isTextKey, useLabel, useT } from '../../i18n';
import { useYuan } from '../care/parts';
import { dateProps } from '../congress/forms';
import { useFile, useHardshipWrite } from './api';
import { ApplicationList } from './HardshipPage';
import { FileStatusTag, LevelTag } from './parts';
import { useSchoolNow } from '../../app/today';

/** /hardship/files/:id: the whole file for the committee — household, caps this year, help given, the trail. */
export default function FilePage() {
  const { id = '' } = useParams();
  const file = useFile(id);
  if (file.isPending) return <PageSpinner />;
  if (file.error) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  return <FileView f={file.data} />;
}

type Action = 'close' | 'reopen' | 'reviewed' | null;

function FileView({ f }: { f: HardshipFileDetail }) {
  const now = useSchoolNow();
  const t = useT();
  const label = useLabel();
  const yuan = useYuan();
  const eventText = (kind: string) => {
    const key = `hs.ev.${kind}`;
    return isTextKey(key) ? t(key) : kind;
  };
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm();
  const act = useHardshipWrite<Record<string, string>, HardshipFileDetail>((b) => `/api/hardship/files/${f.id}/${b.action}`);
  const run = () => form.validateFields().then((v) => act.mutateAsync({ ...v, action: action! }).then(() => setAction(null)));
  const items = [
    { key: 'member', label: t('hs.member'), children: `${f.memberName}（${f.employeeNo}）${f.department ? ` · ${f.department}` : ''}` },
    { key: 'level', label: t('hs.level'), children: <LevelTag level={f.level} /> },
    { key: 'reasons', label: t('hs.reasons'), children: f.reasons.map((r) => label(HARDSHIP_REASON_LABELS, r)).join('、') },
    { key: 'household', label: t('hs.household'), children: t('hs.householdN', { n: f.householdSize }) },
    { key: 'income', label: t('hs.income'), children: yuan(f.incomePerHead) },
    { key: 'situation', label: t('hs.situation'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.situation}</span> },
    { key: 'notes', label: t('hs.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.notes}</span> },
    { key: 'review', label: t('hs.reviewOn'), children: `${f.reviewOn}${f.lastReviewedOn ? `（${t('hs.lastReviewed')} ${f.lastReviewedOn}）` : ''}` },
    ...(f.status === 'closed' ? [{ key: 'closed', label: t('hs.status'), children: t('hs.closed', { date: f.closedOn ?? '', reason: f.closedReason ?? '' }) }] : []),
  ];
  return (
    <>
      <PageHeader
        title={`${f.memberName} · ${t('hs.files')}`}
        back={{ to: '/hardship', label: t('hs.title') }}
        extra={
          <div className="tx-hs-actions">
            <LinkButton to={`/hardship/files/${f.id}/edit`}>{t('hs.edit')}</LinkButton>
            {f.status === 'open' ? (
              <>
                <Button onClick={() => setAction('reviewed')} data-testid="hs-reviewed">
                  {t('hs.markReviewed')}
                </Button>
                <Button danger onClick={() => setAction('close')}>
                  {t('hs.close')}
                </Button>
              </>
            ) : (
              <Button onClick={() => setAction('reopen')}>{t('hs.reopen')}</Button>
            )}
          </div>
        }
      />
      <div className="tx-panel">
        <p>
          <FileStatusTag f={f} />
        </p>
        <p className="tx-hs-standing" role="status">
          {t('hs.givenThisYear', { given: yuan(f.givenThisYear), level: label(HARDSHIP_FILE_LEVEL_LABELS, f.level), per: yuan(f.cap.perApplication), year: yuan(f.cap.perYear) })}
        </p>
        <Descriptions bordered size="small" column={1} items={items} />
      </div>
      <div className="tx-panel">
        <h2 className="tx-h2">{t('hs.history')}</h2>
        <ApplicationList rows={f.applications} />
        <h3 className="tx-h2" style={{ fontSize: '1rem', marginTop: 16 }}>
          {t('hs.payments')}
        </h3>
        <ul className="tx-hs-trail">
          {f.payments.length === 0 && <li className="tx-hs-muted">{t('common.empty')}</li>}
          {f.payments.map((p) => (
            <li key={p.id}>
              {p.date} · {yuan(p.amount)} · {label(PAY_FORM_LABELS, p.form)}
              {p.campaignTitle ? ` · ${p.campaignTitle}` : ''}
            </li>
          ))}
        </ul>
      </div>
      <div className="tx-panel">
        <h2 className="tx-h2">{t('hs.trail')}</h2>
        <ol className="tx-hs-trail">
          {f.events.map((e) => (
            <li key={e.id}>
              <span className="tx-hs-muted">{formatTime(e.at)}</span> {e.actorName} · {eventText(e.kind)}
              {typeof e.data.amount === 'number' ? ` · ${yuan(e.data.amount)}` : ''}
              {typeof e.data.reason === 'string' ? ` · ${e.data.reason}` : ''}
            </li>
          ))}
        </ol>
      </div>
      <Modal
        open={action !== null}
        title={action === 'close' ? t('hs.close') : action === 'reopen' ? t('hs.reopen') : t('hs.markReviewed')}
        onCancel={() => setAction(null)}
        onOk={run}
        okButtonProps={{ loading: act.isPending, danger: action === 'close' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ date: now.format('YYYY-MM-DD'), reviewOn: now.add(1, 'year').format('YYYY-MM-DD') }}>
          {action === 'reopen' ? (
            <Form.Item name="reviewOn" label={t('hs.reviewOn')} rules={[{ required: true, message: t('hs.reviewOn') }]} {...dateProps}>
              <DatePicker placeholder="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item name="date" label={t('hs.date')} extra={action === 'reviewed' ? t('hs.reviewedHint') : undefined} rules={[{ required: true, message: t('hs.date') }]} {...dateProps}>
              <DatePicker placeholder="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {action === 'close' && (
            <Form.Item name="reason" label={t('hs.closeReason')} rules={[{ required: true, whitespace: true, message: t('hs.closeReason') }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          )}
          {action === 'reviewed' && (
            <Form.Item name="note" label={t('care.note')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
