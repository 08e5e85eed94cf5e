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

const CARE: NavItem = { to: '/care', text: 'nav.care', icon: GiftOutlined, permission: 'care.read' };
const FUNDS: NavItem = { to: '/funds', text: 'nav.funds', icon: AccountBookOutlined, permission: 'funds.read' };

export interface NavGroup {
  /** A heading over the group in the side menu; the first group (工作台) has none. */
  title?: TextKey;
  items: NavItem[];
}

/**
 * Desktop side menu: grouped by the union's lines of work, each entry where the chair looks for it, and the
 * member's own pages together at the end. A group the user may see nothing of is left out.
 */
export const SIDE_NAV: NavGroup[] = [
  { items: [HOME] },
  {
    title: 'nav.groupDemocracy',
    items: [
      CONGRESS,
      PROPOSALS,
      DISCLOSURES,
      SUGGESTIONS,
      // 会议与座谈会: the committee records them; every member finds the meetings they attended under 我的.
      { to: '/meetings', text: 'nav.meetings', icon: ScheduleOutlined, permission: 'meetings.read' },
    ],
  },
  {
    title: 'nav.groupCare',
    items: [
      // 慰问 and 工会经费: the committee's, the treasurer's and the fund auditor's; on the 工作台 card too.
      CARE,
      // 困难帮扶: the files are the chair's and the 生活福利委员's; every member sees their own help under 我的帮扶.
      { to: '/hardship', text: 'nav.hardship', icon: HeartOutlined, permission: 'hardship.manage' },
      // 权益诉求: the union's inbox, the handler's forwarded cases, the figures (no names).
      { to: '/cases', text: 'nav.cases', icon: SolutionOutlined, permission: 'cases.manage' },
      { to: '/cases/assigned', text: 'nav.assignedCases', icon: InboxOutlined, permission: 'cases.respond' },
      { to: '/cases/figures', text: 'nav.caseFigures', icon: BarChartOutlined, permission: 'cases.figures' },
      FUNDS,
    ],
  },
  {
    title: 'nav.groupOrg',
    items: [
      MEMBERS,
      { to: '/groups', text: 'nav.groups', icon: ApartmentOutlined, permission: 'groups.read' },
      { to: '/departments', text: 'nav.departments', icon: ClusterOutlined, permission: 'departments.manage' },
      { to: '/users', text: 'nav.users', icon: SafetyCertificateOutlined, permission: 'users.read' },
      { to: '/audit', text: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
      { to: '/settings', text: 'nav.settings', icon: SettingOutlined, permission: 'org.read' },
    ],
  },
  {
    title: 'nav.groupMine',
    items: [
      { to: '/suggestions/mine', text: 'nav.mySuggestions', icon: ProfileOutlined },
      { to: '/cases/mine', text: 'nav.myCases', icon: CommentOutlined },
      { to: '/hardship/mine', text: 'nav.myHelp', icon: SmileOutlined },
      { to: '/meetings/mine', text: 'nav.myMeetings', icon: CalendarOutlined },
      ME,
    ],
  },
];

/**
 * Phone tab bar: five at most, so each label stays one line on a 360 px phone; only what people do
 * between classes. 教代会 stands for its 提案 too; the rest is under 我的.
 */
export const TAB_NAV: NavItem[] = [HOME, { ...CONGRESS, also: ['/proposals'] }, DISCLOSURES, SUGGESTIONS, ME];

/** Under 我的 on a phone: what the five tabs leave out, grouped as in the side menu (提案 is also one tap away on the 教代会 page). */
export const ME_MORE_NAV: NavGroup[] = SIDE_NAV.map((g) => ({ ...g, items: g.items.filter((i) => !TAB_NAV.some((tab) => tab.to === i.to)) }));
