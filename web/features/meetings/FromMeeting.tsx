import { Link } from 'react-router';
import type { MeetingSource } from '../../../common/meetings';
import { useCan } from '../../app/auth';
import { useT } from '../../i18n';

/** "来自「会议」的意见" on a suggestion's or proposal's page; a link for those who read meetings. */
export function FromMeeting({ source }: { source: MeetingSource }) {
  const t = useT();
  const can = useCan();
  const text = t('mtg.fromMeetingText', { title: source.title, date: source.date });
  return can('meetings.read') ? (
    <Link to={`/meetings/${source.meetingId}`} data-testid="from-meeting">
      {text}
    </Link>
  ) : (
    <span data-testid="from-meeting">{text}</span>
  );
}
