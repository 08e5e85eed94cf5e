import type { ComponentType } from 'react';
import { ApartmentOutlined, AuditOutlined, BankOutlined, FileTextOutlined, HomeOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '../../../common/permissions';
import type { TextKey } from '../../i18n';

export interface NavItem {
  to: string;
  text: TextKey;
  icon: ComponentType;
  permission?: Permission;
}

const HOME: NavItem = { to: '/', text: 'nav.dashboard', icon: HomeOutlined };
const MEMBERS: NavItem = { to: '/members', text: 'nav.members', icon: TeamOutlined, permission: 'members.read' };
const CONGRESS: NavItem = { to: '/congress', text: 'nav.congress', icon: BankOutlined, permission: 'congress.read' };
const PROPOSALS: NavItem = { to: '/proposals', text: 'nav.proposals', icon: FileTextOutlined };
const ME: NavItem = { to: '/me', text: 'nav.me', icon: UserOutlined };

/** Admin pages: in the desktop side menu, and under 我的 on a phone (not in the tab bar). */
export const MORE_NAV: NavItem[] = [
  { to: '/groups', text: 'nav.groups', icon: ApartmentOutlined, permission: 'groups.read' },
  { to: '/users', text: 'nav.users', icon: SafetyCertificateOutlined, permission: 'users.read' },
  { to: '/audit', text: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
  { to: '/settings', text: 'nav.settings', icon: SettingOutlined, permission: 'org.read' },
];

/** Desktop side menu, in the order the chair works through them. */
export const SIDE_NAV: NavItem[] = [HOME, MEMBERS, CONGRESS, PROPOSALS, ...MORE_NAV, ME];

/** Phone tab bar: only what people do between classes; the rest is reachable from 我的. */
export const TAB_NAV: NavItem[] = [HOME, MEMBERS, CONGRESS, PROPOSALS, ME];
