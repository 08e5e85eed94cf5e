import type { ComponentType } from 'react';
import { AccountBookOutlined, CalendarOutlined, ScheduleOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CommentOutlined, InboxOutlined, SolutionOutlined, ClusterOutlined, FileTextOutlined, GiftOutlined, HeartOutlined, HomeOutlined, MailOutlined, ProfileOutlined, SafetyCertificateOutlined, SettingOutlined, SmileOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '../../../common/permissions';
import type { TextKey } from '../../i18n';
import { DisclosuresNavIcon } from '../../features/disclosures/NavIcon';

export interface NavItem {
  to: string;
  text: TextKey;
  icon: ComponentType;
  permission?: Permission;
  /** Other pages under this entry, for the phone tab bar where fewer entries stand for more pages. */
  also?: string[];
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
  // 困难帮扶: the files are the chair's and the 生活福利委员's; every member sees their own help under 我的帮扶.
  { to: '/hardship', text: 'nav.hardship', icon: HeartOutlined, permission: 'hardship.manage' },
  { to: '/hardship/mine', text: 'nav.myHelp', icon: SmileOutlined },
  { to: '/groups', text: 'nav.groups', icon: ApartmentOutlined, permission: 'groups.read' },
  { to: '/users', text: 'nav.users', icon: SafetyCertificateOutlined, permission: 'users.read' },
  { to: '/audit', text: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
  { to: '/settings', text: 'nav.settings', icon: SettingOutlined, permission: 'org.read' },
  { to: '/departments', text: 'nav.departments', icon: ClusterOutlined, permission: 'departments.manage' },
  { to: '/suggestions/mine', text: 'nav.mySuggestions', icon: ProfileOutlined },
  // 权益诉求: the union's inbox, the handler's forwarded cases, the figures (no names); every member's own cases.
  { to: '/cases', text: 'nav.cases', icon: SolutionOutlined, permission: 'cases.manage' },
  { to: '/cases/assigned', text: 'nav.assignedCases', icon: InboxOutlined, permission: 'cases.respond' },
  { to: '/cases/figures', text: 'nav.caseFigures', icon: BarChartOutlined, permission: 'cases.figures' },
  { to: '/cases/mine', text: 'nav.myCases', icon: CommentOutlined },
  // 会议与座谈会: the committee records them; every member finds the meetings they attended under 我的.
  { to: '/meetings', text: 'nav.meetings', icon: ScheduleOutlined, permission: 'meetings.read' },
  { to: '/meetings/mine', text: 'nav.myMeetings', icon: CalendarOutlined },
];

/** Under 我的 on a phone: what the five tabs leave out (提案 is also one tap away on the 教代会 page). */
export const ME_MORE_NAV: NavItem[] = [PROPOSALS, MEMBERS, ...MORE_NAV];

/** Desktop side menu, in the order the chair works through them. */
export const SIDE_NAV: NavItem[] = [HOME, MEMBERS, CONGRESS, PROPOSALS, DISCLOSURES, SUGGESTIONS, ...MORE_NAV, ME];

/**
 * Phone tab bar: five at most, so each label stays one line on a 360 px phone; only what people do
 * between classes. 教代会 stands for its 提案 too; the rest is under 我的.
 */
export const TAB_NAV: NavItem[] = [HOME, { ...CONGRESS, also: ['/proposals'] }, DISCLOSURES, SUGGESTIONS, ME];
