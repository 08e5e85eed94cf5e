import { Alert, Button, Result } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/apiError';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT, type T } from '../../i18n';
import { useMine } from './api';
import { useCheckin } from './mutations';
import './congress.css';

/** The two refusals a delegate can meet, in plain words; anything else as the server says it. */
function checkinError(t: T, e: Error): string {
  if (e instanceof ApiError && e.code === 'not_delegate') return t('congress.notDelegateCheckin');
  if (e instanceof ApiError && e.code === 'checkin_code') return t('congress.wrongCode');
  return e.message;
}

/** /congress/checkin/:sessionId?code=… — opened from the projector's QR: one tap to check in. */
export default function CheckinPage() {
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const t = useT();
  const mine = useMine(sessionId);
  const checkin = useCheckin(sessionId);

  if (mine.isPending) return <PageSpinner />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  const m = mine.data;
  const done = checkin.isSuccess || m.attendance === 'present';
  const voteLink = (
    <LinkButton type="primary" size="large" to={`/congress/sessions/${sessionId}/vote`} data-testid="checkin-go-vote">
      {t('congress.goVote')}
    </LinkButton>
  );

  let body;
  if (done) {
    body = (
      <Result
        status="success"
        title={<h2 className="tx-result-title" data-testid="checkin-done">{t('congress.checkedIn')}</h2>}
        subTitle={t('congress.checkinDoneHint')}
        extra={voteLink}
      />
    );
  } else if (!m.isDelegate) {
    body = <Result status="info" title={<h2 className="tx-result-title" data-testid="checkin-not-delegate">{t('congress.notDelegateCheckin')}</h2>} />;
  } else if (!code) {
    body = <Alert type="info" showIcon title={t('congress.scanHint')} data-testid="checkin-scan-hint" />;
  } else {
    body = (
      <div className="cx-checkin">
        {checkin.error && <Alert type="error" showIcon title={checkinError(t, checkin.error)} data-testid="checkin-error" />}
        <Button
          type="primary"
          size="large"
          block
          icon={<CheckCircleOutlined aria-hidden />}
          loading={checkin.isPending}
          onClick={() => checkin.mutate(code)}
          className="cx-touch"
          data-testid="checkin-confirm"
        >
          {t('congress.confirmCheckin')}
        </Button>
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('congress.checkinTitle')} back={{ to: '/congress', label: t('congress.title') }} />
      <section className="tx-panel cx-phone-panel" aria-label={m.session.name}>
        <p className="cx-next-name">{m.session.name}</p>
        <p className="cx-next-meta">
          {m.session.date}
          {m.session.place && ` · ${m.session.place}`}
        </p>
        {body}
      </section>
    </>
  );
}
