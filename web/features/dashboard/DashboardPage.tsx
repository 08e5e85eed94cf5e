import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { ApartmentOutlined, AuditOutlined, BankOutlined, FileTextOutlined, MailOutlined, ReadOutlined, KeyOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '../../../common/permissions';
import { ROLE_LABELS } from '../../../common/permissions';
import { useCan, useUser } from '../../app/auth';
import { useSchoolNow } from '../../app/today';
import { PageHeader } from '../../components/PageHeader';
import { CareReminders } from '../care/CareReminders';
import { HardshipReminders } from '../hardship/HardshipReminders';
import { useLabel, useT, type T, type TextKey } from '../../i18n';

interface Tile {
  to: string;
  title: TextKey;
  hint: TextKey;
  icon: ComponentType;
  permission?: Permission;
}

const TILES: Tile[] = [
  { to: '/members', title: 'nav.members', hint: 'dash.membersHint', icon: TeamOutlined, permission: 'members.read' },
  { to: '/congress', title: 'nav.congress', hint: 'dash.congressHint', icon: BankOutlined, permission: 'congress.read' },
  { to: '/proposals', title: 'nav.proposals', hint: 'dash.proposalsHint', icon: FileTextOutlined },
  { to: '/disclosures', title: 'nav.disclosures', hint: 'dash.disclosuresHint', icon: ReadOutlined },
  { to: '/suggestions', title: 'nav.suggestions', hint: 'dash.suggestionsHint', icon: MailOutlined },
  { to: '/members/import', title: 'dash.import', hint: 'dash.importHint', icon: UploadOutlined, permission: 'members.import' },
  { to: '/groups', title: 'nav.groups', hint: 'dash.groupsHint', icon: ApartmentOutlined, permission: 'groups.read' },
  { to: '/users', title: 'nav.users', hint: 'dash.usersHint', icon: SafetyCertificateOutlined, permission: 'users.read' },
  { to: '/audit', title: 'nav.audit', hint: 'dash.auditHint', icon: AuditOutlined, permission: 'audit.read' },
  { to: '/settings', title: 'nav.settings', hint: 'dash.settingsHint', icon: SettingOutlined, permission: 'org.read' },
  { to: '/me', title: 'nav.me', hint: 'dash.meHint', icon: UserOutlined },
  { to: '/me#password', title: 'auth.changePassword', hint: 'dash.passwordHint', icon: KeyOutlined },
];

/** 学年 runs September–August: 第一学期 Sept–Jan, 第二学期 Feb–Aug (DOMAIN.md "Calendar"). */
function schoolTerm(t: T, today: Dayjs): string {
  const m = today.month() + 1;
  const start = m >= 9 ? today.year() : today.year() - 1;
  return t('dash.term', { from: start, to: start + 1, term: t(m >= 9 || m === 1 ? 'dash.term1' : 'dash.term2') });
}

function greeting(t: T, name: string, hour: number): string {
  return t(hour < 11 ? 'dash.morning' : hour < 13 ? 'dash.noon' : hour < 18 ? 'dash.afternoon' : 'dash.evening', { name });
}

export default function DashboardPage() {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const can = useCan();
  const now = useSchoolNow();
  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <section className="tx-panel tx-welcome" aria-labelledby="welcome">
        <h2 id="welcome" className="tx-h2">
          {greeting(t, user.displayName, now.hour())}
        </h2>
        <p style={{ margin: 0 }}>{t('dash.welcome', { org: user.org.name })}</p>
        <p className="tx-tile-hint" style={{ margin: '8px 0 0' }}>
          {now.format(t('dash.dateFormat'))} · {schoolTerm(t, now)} · {user.roles.map((r) => label(ROLE_LABELS, r)).join('、')}
        </p>
      </section>
      {can('care.read') && <CareReminders />}
      {can('hardship.manage') && <HardshipReminders />}
      <section aria-labelledby="shortcuts">
        <h2 id="shortcuts" className="tx-h2">
          {t('dash.shortcuts')}
        </h2>
        <ul className="tx-tiles">
          {TILES.filter((tile) => !tile.permission || can(tile.permission)).map(({ to, title, hint, icon: Icon }) => (
            <li key={to}>
              <Link to={to} className="tx-tile">
                <Icon aria-hidden />
                <span className="tx-tile-text">
                  <strong>{t(title)}</strong>
                  <span className="tx-tile-hint">{t(hint)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
