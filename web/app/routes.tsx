import type { ComponentType } from 'react';
import type { FetchQueryOptions } from '@tanstack/react-query';
import type { SessionUser } from '../../common/auth';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../common/permissions';
import { loadTexts, type Catalogue } from '../i18n/catalogue';
import { GuestOnly, RequireAuth } from './guards';
import { meQuery } from './auth';
import { queryClient } from './queryClient';
import { remindersQuery } from '../features/care/api';
import { unreadQuery } from '../features/disclosures/api';
import { hardshipRemindersQuery } from '../features/hardship/api';
import { unreadCountQuery } from '../features/notifications/api';
import { RouteError } from '../components/RouteError';

/**
 * Each page is its own chunk, so the login page and the phone home load only what they show. Its
 * text catalogues load beside it (a child also reads its parents'); catalogue.test.ts checks the lists.
 * Only the Component is lazy: the router runs a route's loader (its data, `prefetch`) while the chunk
 * downloads, where a lazy function would make it wait for the chunk first.
 */
const page = (load: () => Promise<{ default: ComponentType }>, ...texts: Catalogue[]) => ({
  Component: async () => (await Promise.all([load(), loadTexts(texts)]))[0].default,
});

/** A query the route wants for this user, or false (its `any`s: each query has a data type of its own). */
type Wanted = (me: SessionUser) => FetchQueryOptions<any, any, any, any> | false;

/** Read by AppLayout: a page whose permission the user lacks shows "no permission" instead. */
export interface RouteHandle {
  permission?: Permission;
  /** The route's data, read by the server when it draws the page (web/ssr.tsx). */
  wanted?: Wanted[];
}
const needs = (permission: Permission): { handle: RouteHandle } => ({ handle: { permission } });

/**
 * A route's data asked for as soon as the route is chosen, beside its chunks, instead of once the page
 * has rendered (on a slow phone, seconds later). Never waited for: the page shows its own loading state.
 */
const prefetch = (...wanted: Wanted[]): { handle: RouteHandle; loader: () => null } => ({
  handle: { wanted },
  loader: () => {
    const fetchFor = (me: SessionUser | null) => {
      if (!me) return;
      for (const w of wanted) {
        const query = w(me);
        if (query) void queryClient.prefetchQuery(query);
      }
    };
    // Signed out: nothing to fetch; the guard sends the user to the login page.
    void queryClient.ensureQueryData(meQuery).then(fetchFor, () => undefined);
    return null;
  },
});
const can = (p: Permission) => (me: SessionUser) => me.permissions.includes(p);

const appPages: RouteObject[] = [
  {
    index: true,
    ...prefetch((me) => can('care.read')(me) && remindersQuery, (me) => can('hardship.manage')(me) && hardshipRemindersQuery),
    lazy: page(() => import('../features/dashboard/DashboardPage')),
  },
  { path: 'members', ...needs('members.read'), lazy: page(() => import('../features/members/MembersPage'), 'members') },
  { path: 'members/new', ...needs('members.write'), lazy: page(() => import('../features/members/MemberFormPage'), 'members') },
  { path: 'members/import', ...needs('members.import'), lazy: page(() => import('../features/members/import/ImportPage'), 'members') },
  { path: 'members/:id', ...needs('members.read'), lazy: page(() => import('../features/members/MemberDetailPage'), 'members') },
  { path: 'members/:id/edit', ...needs('members.write'), lazy: page(() => import('../features/members/MemberFormPage'), 'members') },
  { path: 'groups', ...needs('groups.read'), lazy: page(() => import('../features/groups/GroupsPage'), 'members') },
  { path: 'users', ...needs('users.read'), lazy: page(() => import('../features/users/UsersPage'), 'admin') },
  { path: 'users/bulk', ...needs('users.write'), lazy: page(() => import('../features/users/BulkAccountsPage'), 'admin', 'members') },
  { path: 'audit', ...needs('audit.read'), lazy: page(() => import('../features/audit/AuditPage'), 'admin', 'members', 'proposals') },
  { path: 'settings', ...needs('org.read'), lazy: page(() => import('../features/settings/SettingsPage'), 'admin') },
  { path: 'congress', ...needs('congress.read'), lazy: page(() => import('../features/congress/CongressHomePage'), 'congress') },
  { path: 'congress/terms/:id', ...needs('congress.read'), lazy: page(() => import('../features/congress/TermPage'), 'congress') },
  { path: 'congress/sessions/:id', ...needs('congress.manage'), lazy: page(() => import('../features/congress/SessionPage'), 'congress', 'files') },
  { path: 'congress/sessions/:id/vote', ...needs('congress.read'), lazy: page(() => import('../features/congress/VotePage'), 'congress') },
  { path: 'congress/checkin/:sessionId', ...needs('congress.read'), lazy: page(() => import('../features/congress/CheckinPage'), 'congress') },
  { path: 'proposals', lazy: page(() => import('../features/proposals/ProposalsPage'), 'proposals') },
  { path: 'proposals/new', lazy: page(() => import('../features/proposals/ProposalFormPage'), 'proposals') },
  { path: 'proposals/stats', ...needs('proposals.committee'), lazy: page(() => import('../features/proposals/StatsPage'), 'proposals') },
  { path: 'proposals/templates', ...needs('proposals.committee'), lazy: page(() => import('../features/proposals/TemplatesPage'), 'proposals') },
  { path: 'proposals/:id', lazy: page(() => import('../features/proposals/ProposalDetailPage'), 'proposals', 'files', 'meetings') },
  { path: 'proposals/:id/edit', lazy: page(() => import('../features/proposals/ProposalFormPage'), 'proposals') },
  { path: 'disclosures', lazy: page(() => import('../features/disclosures/DisclosuresPage'), 'disclosures') },
  { path: 'disclosures/manage', ...needs('disclosures.oversee'), lazy: page(() => import('../features/disclosures/ManagePage'), 'disclosures', 'proposals') },
  { path: 'disclosures/review', ...needs('disclosures.review'), lazy: page(() => import('../features/disclosures/ReviewPage'), 'disclosures') },
  { path: 'disclosures/new', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/DisclosureFormPage'), 'disclosures') },
  { path: 'disclosures/stats', ...needs('disclosures.oversee'), lazy: page(() => import('../features/disclosures/StatsPage'), 'disclosures') },
  { path: 'disclosures/categories', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/CategoriesPage'), 'disclosures') },
  { path: 'disclosures/issues', lazy: page(() => import('../features/disclosures/IssuesPage'), 'disclosures') },
  { path: 'disclosures/issues/:id', lazy: page(() => import('../features/disclosures/IssuePage'), 'disclosures') },
  { path: 'disclosures/:id', lazy: page(() => import('../features/disclosures/DisclosurePage'), 'disclosures', 'files') },
  { path: 'disclosures/:id/edit', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/DisclosureFormPage'), 'disclosures') },
  { path: 'suggestions', lazy: page(() => import('../features/suggestions/SuggestionsHome'), 'suggestions') },
  { path: 'suggestions/new', lazy: page(() => import('../features/suggestions/WritePage'), 'suggestions') },
  { path: 'suggestions/mine', lazy: page(() => import('../features/suggestions/MinePage'), 'suggestions', 'meetings') },
  { path: 'suggestions/wall', lazy: page(() => import('../features/suggestions/WallPage'), 'suggestions') },
  { path: 'suggestions/inbox', ...needs('suggestions.handle'), lazy: page(() => import('../features/suggestions/InboxPage'), 'suggestions', 'meetings') },
  { path: 'suggestions/figures', ...needs('suggestions.figures'), lazy: page(() => import('../features/suggestions/FiguresPage'), 'suggestions') },
  { path: 'suggestions/:id', lazy: page(() => import('../features/suggestions/DetailPage'), 'suggestions', 'meetings', 'cases', 'files') },
  { path: 'departments', ...needs('departments.manage'), lazy: page(() => import('../features/departments/DepartmentsPage'), 'suggestions') },
  { path: 'care', ...needs('care.read'), lazy: page(() => import('../features/care/CarePage'), 'care') },
  { path: 'care/new', ...needs('care.write'), lazy: page(() => import('../features/care/RecordFormPage'), 'care') },
  { path: 'care/batch', ...needs('care.write'), lazy: page(() => import('../features/care/BatchPage'), 'care') },
  { path: 'care/records/:id', ...needs('care.read'), lazy: page(() => import('../features/care/RecordPage'), 'care') },
  { path: 'hardship', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/HardshipPage'), 'hardship', 'care') },
  { path: 'hardship/mine', lazy: page(() => import('../features/hardship/MyHelpPage'), 'hardship', 'care') },
  { path: 'hardship/apply', lazy: page(() => import('../features/hardship/ApplyPage'), 'hardship', 'care') },
  { path: 'hardship/files/new', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FileFormPage'), 'hardship', 'care') },
  { path: 'hardship/files/:id', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FilePage'), 'hardship', 'care') },
  { path: 'hardship/files/:id/edit', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FileFormPage'), 'hardship', 'care') },
  { path: 'hardship/applications/:id', lazy: page(() => import('../features/hardship/ApplicationPage'), 'hardship', 'care') },
  { path: 'hardship/campaigns/:id', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/CampaignPage'), 'hardship', 'care') },
  { path: 'funds', ...needs('funds.read'), lazy: page(() => import('../features/funds/FundsPage'), 'care') },
  { path: 'cases', ...needs('cases.manage'), lazy: page(() => import('../features/cases/InboxPage'), 'cases') },
  { path: 'cases/mine', lazy: page(() => import('../features/cases/MinePage'), 'cases') },
  { path: 'cases/new', lazy: page(() => import('../features/cases/NewPage'), 'cases') },
  { path: 'cases/assigned', ...needs('cases.respond'), lazy: page(() => import('../features/cases/AssignedPage'), 'cases') },
  { path: 'cases/figures', ...needs('cases.figures'), lazy: page(() => import('../features/cases/FiguresPage'), 'cases') },
  { path: 'cases/:id', lazy: page(() => import('../features/cases/DetailPage'), 'cases', 'files') },
  { path: 'meetings', ...needs('meetings.read'), lazy: page(() => import('../features/meetings/MeetingsPage'), 'meetings') },
  { path: 'meetings/mine', lazy: page(() => import('../features/meetings/MinePage'), 'meetings') },
  { path: 'meetings/new', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/MeetingFormPage'), 'meetings', 'disclosures') },
  { path: 'meetings/types', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/TypesPage'), 'meetings') },
  { path: 'meetings/:id', lazy: page(() => import('../features/meetings/MeetingPage'), 'meetings', 'disclosures', 'files') },
  { path: 'meetings/:id/edit', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/MeetingFormPage'), 'meetings', 'disclosures') },
  { path: 'me', lazy: page(() => import('../features/profile/ProfilePage'), 'admin', 'members') },
  { path: '*', lazy: page(() => import('../components/NotFoundPage')) },
];

/** The app's routes, for the browser's router (router.tsx) and for drawing pages in Node (web/ssr.tsx). */
export const routes: RouteObject[] = [
  {
    path: '/',
    ErrorBoundary: RouteError,
    children: [
      {
        element: <GuestOnly />,
        children: [{ path: 'login', lazy: page(() => import('../features/auth/LoginPage')) }],
      },
      { path: 'setup', lazy: page(() => import('../features/auth/SetupPage')) },
      // 意见箱: the anonymous writer follows up with the receipt code, signed in or not.
      { path: 'suggestions/receipt', lazy: page(() => import('../features/suggestions/ReceiptPage'), 'suggestions', 'meetings') },
      // 校务公开 for the public: no sign-in.
      { path: 'public/:orgId/disclosures', lazy: page(() => import('../features/disclosures/PublicPage'), 'disclosures') },
      {
        element: <RequireAuth passwordChange />,
        children: [{ path: 'change-password', lazy: page(() => import('../features/auth/ForcedPasswordPage')) }],
      },
      {
        element: <RequireAuth />,
        children: [
          // The header's two badges, on every page.
          { lazy: page(() => import('./layout/AppLayout'), 'shell'), ...prefetch(() => unreadCountQuery, () => unreadQuery), children: appPages },
          // The hall's projector: full screen, no app chrome (the page checks congress.manage itself).
          { path: 'congress/sessions/:id/screen', lazy: page(() => import('../features/congress/ScreenPage'), 'congress') },
          // The 公开栏 for a projector or an A4 print: no app chrome.
          { path: 'disclosures/issues/:id/board', lazy: page(() => import('../features/disclosures/BoardPage'), 'disclosures') },
        ],
      },
    ],
  },
];
