import { Link, NavLink, useLocation } from 'react-router';
import { useCan } from '../auth';
import { useT } from '../../i18n';
import type { NavItem } from './nav';

/** The entries the user's permissions allow, as real links (aria-current marks the page). */
export function NavList({ items, className, label }: { items: NavItem[]; className: string; label: string }) {
  const t = useT();
  const can = useCan();
  const { pathname } = useLocation();
  const under = (prefixes: string[] | undefined) => !!prefixes?.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {items
          .filter((i) => !i.permission || can(i.permission))
          .map(({ to, text, icon: Icon, also }) => {
            const inner = (
              <>
                <Icon aria-hidden />
                <span>{t(text)}</span>
              </>
            );
            return (
              <li key={to}>
                {under(also) ? (
                  <Link to={to} aria-current="page">
                    {inner}
                  </Link>
                ) : (
                  <NavLink to={to} end={to === '/'}>
                    {inner}
                  </NavLink>
                )}
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
