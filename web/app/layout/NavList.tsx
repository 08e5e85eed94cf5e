import { useId } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useCan } from '../auth';
import { useT } from '../../i18n';
import type { NavGroup, NavItem } from './nav';

/** The entries the user's permissions allow, as real links (aria-current marks the page). */
function Entries({ items }: { items: NavItem[] }) {
  const t = useT();
  const { pathname } = useLocation();
  const under = (prefixes: string[] | undefined) => !!prefixes?.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  return items.map(({ to, text, icon: Icon, also }) => {
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
  });
}

/** One list of links, or several under headings (the desktop side menu); what the user may not open is left out. */
export function NavList({
  items,
  groups,
  className,
  label,
  headings = 'h2',
}: { className: string; label: string; headings?: 'h2' | 'h3' } & ({ items: NavItem[]; groups?: never } | { groups: NavGroup[]; items?: never })) {
  const t = useT();
  const can = useCan();
  const id = useId();
  const Heading = headings;
  const shown = (groups ?? [{ items: items! }])
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || can(i.permission)) }))
    .filter((g) => g.items.length > 0);
  return (
    <nav className={className} aria-label={label}>
      {shown.map((g, k) =>
        g.title ? (
          <section key={g.title} aria-labelledby={`${id}-${k}`}>
            <Heading className="tx-nav-group" id={`${id}-${k}`}>
              {t(g.title)}
            </Heading>
            <ul>
              <Entries items={g.items} />
            </ul>
          </section>
        ) : (
          <ul key={k}>
            <Entries items={g.items} />
          </ul>
        ),
      )}
    </nav>
  );
}
