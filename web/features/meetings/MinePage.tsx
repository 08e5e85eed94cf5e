import MeetingsPage from './MeetingsPage';

/** /meetings/mine: the meetings the signed-in member attended (reached from 我的). */
export default function MinePage() {
  return <MeetingsPage mine />;
}
