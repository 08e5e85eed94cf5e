import { NavLink } from 'react-router';
import { useCan } from '../auth';
import { useT } from '../../i18n';
import type { NavItem } from './nav';

/** The entries the user's permissions allow, as real links (aria-current marks the page). */
export function NavList({ items, className, label }: { items: NavItem[]; className: string; label: string }) {
  const t = useT();
  const can = useCan();
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {items
          .filter((i) => !i.permission || can(i.permission))
          .map(({ to, text, icon: Icon }) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'}>
                <Icon aria-hidden />
                <span>{t(text)}</span>
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
