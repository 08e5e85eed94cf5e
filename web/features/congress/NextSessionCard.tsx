import { CheckCircleFilled, DesktopOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useCan } from '../../app/auth';
import { useSchoolToday } from '../../app/today';
import { LinkButton } from '../../components/LinkButton';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { useMine } from './api';
import type { SessionSummary } from './types';

/** On the day, the card re-reads "mine" this often, so a vote that opens shows up without the live stream. */
const TODAY_POLL_MS = 15_000;

/**
 * Today's or the next session, with what this person does there: the agenda, 签到, the vote open
 * right now (去投票), or run it. Built for a delegate's phone, large text included.
 */
export function NextSessionCard({ session: s }: { session: SessionSummary }) {
  const t = useT();
  const can = useCan();
  const isToday = s.date === useSchoolToday();
  const mine = useMine(s.id, isToday ? TODAY_POLL_MS : undefined).data;
  const present = mine?.attendance === 'present';
  const toCast = mine?.votes.filter((v) => v.status === 'open' && v.onRoll && !v.voted) ?? [];
  const voteLink = `/congress/sessions/${s.id}/vote`;

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
        <p className="cx-next-meta" data-testid="next-status">
          {!mine.isDelegate ? (
            t('congress.notDelegateNote')
          ) : !isToday && mine.attendance !== 'leave' ? (
            t('congress.onTheDay')
          ) : present ? (
            <ToneTag tone="green">
              <CheckCircleFilled aria-hidden /> {t('congress.checkedIn')}
            </ToneTag>
          ) : (
            <ToneTag tone={mine.attendance === 'leave' ? 'blue' : 'grey'}>{mine.attendance === 'leave' ? t('congress.onLeave') : t('congress.notCheckedIn')}</ToneTag>
          )}
        </p>
      )}
      {toCast.map((v) => (
        <div key={v.id} className="cx-vote-now" role="status" data-testid="next-open-vote">
          <p className="cx-vote-now-title">{t('congress.voteOpenNow', { title: v.title })}</p>
          <LinkButton type="primary" size="large" block to={voteLink} className="cx-touch" data-testid="next-vote-now">
            {t('congress.voteNow')}
          </LinkButton>
        </div>
      ))}
      {!!mine?.session.agenda.length && (
        <>
          <h3 className="cx-h3">{t('congress.tabAgenda')}</h3>
          <ol className="cx-next-agenda" data-testid="next-agenda">
            {mine.session.agenda.map((a, i) => (
              <li key={i}>{a.title}</li>
            ))}
          </ol>
        </>
      )}
      <div className="cx-big-actions">
        {isToday && mine?.isDelegate && !present && (
          <LinkButton size="large" to={`/congress/checkin/${s.id}`} icon={<QrcodeOutlined aria-hidden />} data-testid="next-checkin">
            {t('congress.checkin')}
          </LinkButton>
        )}
        {isToday && toCast.length === 0 && (
          <LinkButton size="large" type={present ? 'primary' : 'default'} to={voteLink} data-testid="next-vote">
            {mine && !mine.isDelegate ? t('congress.viewVotes') : t('congress.goVote')}
          </LinkButton>
        )}
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
