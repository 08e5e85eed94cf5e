import type { ComponentType } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '../../../common/permissions';
import type { TextKey } from '../../i18n';

export interface NavItem {
  to: string;
  text: TextKey;
  icon: ComponentType;
  permission?: Permission;
}

/** Desktop side menu, in the order the chair works through them. */
export const SIDE_NAV: NavItem[] = [
  { to: '/', text: 'nav.dashboard', icon: HomeOutlined },
  { to: '/members', text: 'nav.members', icon: TeamOutlined, permission: 'members.read' },
  { to: '/groups', text: 'nav.groups', icon: ApartmentOutlined, permission: 'groups.read' },
  { to: '/users', text: 'nav.users', icon: SafetyCertificateOutlined, permission: 'users.read' },
  { to: '/audit', text: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
  { to: '/settings', text: 'nav.settings', icon: SettingOutlined, permission: 'org.read' },
];

/** Phone tab bar: only what people do between classes; the rest is reachable from 我的. */
export const TAB_NAV: NavItem[] = [SIDE_NAV[0], SIDE_NAV[1], { to: '/me', text: 'nav.me', icon: UserOutlined }];

/** Admin pages a phone user reaches from 我的 (not in the tab bar). */
export const MORE_NAV: NavItem[] = SIDE_NAV.slice(2);
