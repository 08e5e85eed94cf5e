import { Link } from 'react-router';
import { useUser } from '../auth';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { LangSwitch } from './LangSwitch';
import { LogoutButton } from './LogoutButton';

/** Desktop header: whose union this is, who is signed in, language, logout. */
export function HeaderActions() {
  const user = useUser();
  return (
    <div className="tx-header-actions">
      <Link to="/me" className="tx-user-link">
        {user.displayName}
      </Link>
      <NotificationBell />
      <LangSwitch />
      <LogoutButton />
    </div>
  );
}
