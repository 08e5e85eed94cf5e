import { useEffect, useState } from 'react';
import { Button, Result } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useCheckinCode, useSession } from './api';
import { CheckinQr } from './CheckinQr';
import { LiveStatus } from './LiveStatus';
import { ScreenQuorum, ScreenVote } from './ScreenParts';
import { useSessionLive } from './useSessionLive';
import './congress.css';

/** /congress/sessions/:id/screen — the hall's projector, without the app's chrome; readable from the back row. */
export default function ScreenPage() {
  const can = useCan();
  const t = useT();
  if (!can('congress.manage')) {
    return (
      <main className="tx-center">
        <Result status="403" title={<h1 className="tx-result-title">{t('common.forbidden')}</h1>} subTitle={t('congress.screenOnlyManagers')} />
      </main>
    );
  }
  return <Screen />;
}

function useFullscreen() {
  const [full, setFull] = useState(() => !!document.fullscreenElement);
  useEffect(() => {
    const on = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  return { full, enter: () => void document.documentElement.requestFullscreen?.().catch(() => undefined) };
}

function Screen() {
  const { id = '' } = useParams();
  const t = useT();
  const session = useSession(id);
  const code = useCheckinCode(id);
  const { live, state } = useSessionLive(id);
  const { full, enter } = useFullscreen();
  usePageTitle(session.data ? `${session.data.name} · ${t('congress.openScreen')}` : t('congress.openScreen'));

  if (session.isPending) return <PageSpinner />;
  if (session.error) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  const s = session.data;
  const url = code.data ? `${location.origin}/congress/checkin/${id}?code=${encodeURIComponent(code.data.code)}` : null;

  return (
    <div className="cx-screen">
      <header className="cx-screen-head">
        <h1>{s.name}</h1>
        <div className="cx-screen-tools">
          <LiveStatus state={state} className="cx-live cx-live-dark" />
          {!full && (
            <Button ghost icon={<FullscreenOutlined aria-hidden />} onClick={enter}>
              {t('congress.fullscreen')}
            </Button>
          )}
          {!full && (
            <Link to={`/congress/sessions/${id}`} className="cx-screen-back">
              <ArrowLeftOutlined aria-hidden /> {t('congress.backToSession')}
            </Link>
          )}
        </div>
      </header>
      <main className="cx-screen-main">
        <div className="cx-screen-left">
          <section className="cx-screen-checkin" aria-labelledby="scan">
            <h2 id="scan">{t('congress.scanToCheckin')}</h2>
            {url && <CheckinQr url={url} alt={t('congress.qrAlt')} />}
          </section>
          <ScreenQuorum quorum={live?.quorum ?? s.quorum} />
        </div>
        <ScreenVote votes={live?.votes ?? []} agenda={s.agenda} />
      </main>
    </div>
  );
}
