import type { ComponentType } from 'react';
import { AccountBookOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, ClusterOutlined, FileTextOutlined, GiftOutlined, HomeOutlined, MailOutlined, ProfileOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '../../../common/permissions';
import type { TextKey } from '../../i18n';
import { DisclosuresNavIcon } from '../../features/disclosures/NavIcon';

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
// 校务公开: every signed-in member reads it; the icon carries the 新公开 count.
const DISCLOSURES: NavItem = { to: '/disclosures', text: 'nav.disclosures', icon: DisclosuresNavIcon };
// 意见箱: every signed-in member writes; its page leads to the inbox for those who answer.
const SUGGESTIONS: NavItem = { to: '/suggestions', text: 'nav.suggestions', icon: MailOutlined };
const ME: NavItem = { to: '/me', text: 'nav.me', icon: UserOutlined };

/** Admin pages: in the desktop side menu, and under 我的 on a phone (not in the tab bar). */
export const MORE_NAV: NavItem[] = [
  // 慰问 and 工会经费: the committee's, the treasurer's and the fund auditor's; on a phone under 我的, and on the 工作台 card.
  { to: '/care', text: 'nav.care', icon: GiftOutlined, permission: 'care.read' },
  { to: '/funds', text: 'nav.funds', icon: AccountBookOutlined, permission: 'funds.read' },
  { to: '/groups', text: 'nav.groups', icon: ApartmentOutlined, permission: 'groups.read' },
  { to: '/users', text: 'nav.users', icon: SafetyCertificateOutlined, permission: 'users.read' },
  { to: '/audit', text: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
  { to: '/settings', text: 'nav.settings', icon: SettingOutlined, permission: 'org.read' },
  { to: '/departments', text: 'nav.departments', icon: ClusterOutlined, permission: 'departments.manage' },
  { to: '/suggestions/mine', text: 'nav.mySuggestions', icon: ProfileOutlined },
];

/** Desktop side menu, in the order the chair works through them. */
export const SIDE_NAV: NavItem[] = [HOME, MEMBERS, CONGRESS, PROPOSALS, DISCLOSURES, SUGGESTIONS, ...MORE_NAV, ME];

/** Phone tab bar: only what people do between classes; the rest is reachable from 我的. */
export const TAB_NAV: NavItem[] = [HOME, MEMBERS, CONGRESS, PROPOSALS, DISCLOSURES, SUGGESTIONS, ME];
