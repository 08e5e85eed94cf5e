import { CheckCircleFilled, DesktopOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useCan } from '../../app/auth';
import { LinkButton } from '../../components/LinkButton';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useMine } from './api';
import { today } from './helpers';
import type { SessionSummary } from './types';

/** Today's or the next session, with what this person does there: 签到 and 去投票, or run it. */
export function NextSessionCard({ session: s }: { session: SessionSummary }) {
  const t = useT();
  const can = useCan();
  const mine = useMine(s.id).data;
  const isToday = s.date === today();
  const present = mine?.attendance === 'present';

  return (
    <section className="tx-panel cx-next" aria-labelledby="next-session" data-testid="next-session">
      <h2 id="next-session" className="tx-h2">
        {isToday ? t('congress.todaySession') : t('congress.nextSession')}
      </h2>
      <p className="cx-next-name">{s.name}</p>
      <p className="cx-next-meta">
        {s.date}
        {isToday && ` · ${t('congress.today')}`}
        {s.place && ` · ${s.place}`}
      </p>
      {mine && (
        <p className="cx-next-meta">
          {!mine.isDelegate ? (
            t('congress.notDelegateNote')
          ) : present ? (
            <ToneTag tone="green">
              <CheckCircleFilled aria-hidden /> {t('congress.checkedIn')}
            </ToneTag>
          ) : (
            <ToneTag tone={mine.attendance === 'leave' ? 'blue' : 'grey'}>{mine.attendance === 'leave' ? t('congress.onLeave') : t('congress.notCheckedIn')}</ToneTag>
          )}
        </p>
      )}
      <div className="cx-big-actions">
        {mine?.isDelegate && !present && (
          <LinkButton size="large" to={`/congress/checkin/${s.id}`} icon={<QrcodeOutlined aria-hidden />} data-testid="next-checkin">
            {t('congress.checkin')}
          </LinkButton>
        )}
        <LinkButton size="large" type={present ? 'primary' : 'default'} to={`/congress/sessions/${s.id}/vote`} data-testid="next-vote">
          {mine && !mine.isDelegate ? t('congress.viewVotes') : t('congress.goVote')}
        </LinkButton>
        {can('congress.manage') && (
          <>
            <LinkButton size="large" to={`/congress/sessions/${s.id}`} icon={<EditOutlined aria-hidden />}>
              {t('congress.runSession')}
            </LinkButton>
            <LinkButton size="large" to={`/congress/sessions/${s.id}/screen`} icon={<DesktopOutlined aria-hidden />}>
              {t('congress.openScreen')}
            </LinkButton>
          </>
        )}
      </div>
    </section>
  );
}
