import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../../common/permissions';
import { GuestOnly, RequireAuth } from './guards';
import { PageSpinner } from '../components/PageSpinner';
import { RouteError } from '../components/RouteError';

/** Each page is its own chunk, so the login page and the phone home load only what they show. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

/** Read by AppLayout: a page whose permission the user lacks shows "no permission" instead. */
export interface RouteHandle {
  permission?: Permission;
}
const needs = (permission: Permission): { handle: RouteHandle } => ({ handle: { permission } });

const appPages: RouteObject[] = [
  { index: true, lazy: page(() => import('../features/dashboard/DashboardPage')) },
  { path: 'members', ...needs('members.read'), lazy: page(() => import('../features/members/MembersPage')) },
  { path: 'members/new', ...needs('members.write'), lazy: page(() => import('../features/members/MemberFormPage')) },
  { path: 'members/import', ...needs('members.import'), lazy: page(() => import('../features/members/import/ImportPage')) },
  { path: 'members/:id', ...needs('members.read'), lazy: page(() => import('../features/members/MemberDetailPage')) },
  { path: 'members/:id/edit', ...needs('members.write'), lazy: page(() => import('../features/members/MemberFormPage')) },
  { path: 'groups', ...needs('groups.read'), lazy: page(() => import('../features/groups/GroupsPage')) },
  { path: 'users', ...needs('users.read'), lazy: page(() => import('../features/users/UsersPage')) },
  { path: 'users/bulk', ...needs('users.write'), lazy: page(() => import('../features/users/BulkAccountsPage')) },
  { path: 'audit', ...needs('audit.read'), lazy: page(() => import('../features/audit/AuditPage')) },
  { path: 'settings', ...needs('org.read'), lazy: page(() => import('../features/settings/SettingsPage')) },
  { path: 'congress', ...needs('congress.read'), lazy: page(() => import('../features/congress/CongressHomePage')) },
  { path: 'congress/terms/:id', ...needs('congress.read'), lazy: page(() => import('../features/congress/TermPage')) },
  { path: 'congress/sessions/:id', ...needs('congress.manage'), lazy: page(() => import('../features/congress/SessionPage')) },
  { path: 'congress/sessions/:id/vote', ...needs('congress.read'), lazy: page(() => import('../features/congress/VotePage')) },
  { path: 'congress/checkin/:sessionId', ...needs('congress.read'), lazy: page(() => import('../features/congress/CheckinPage')) },
  { path: 'proposals', lazy: page(() => import('../features/proposals/ProposalsPage')) },
  { path: 'proposals/new', lazy: page(() => import('../features/proposals/ProposalFormPage')) },
  { path: 'proposals/stats', ...needs('proposals.committee'), lazy: page(() => import('../features/proposals/StatsPage')) },
  { path: 'proposals/templates', ...needs('proposals.committee'), lazy: page(() => import('../features/proposals/TemplatesPage')) },
  { path: 'proposals/:id', lazy: page(() => import('../features/proposals/ProposalDetailPage')) },
  { path: 'proposals/:id/edit', lazy: page(() => import('../features/proposals/ProposalFormPage')) },
  { path: 'disclosures', lazy: page(() => import('../features/disclosures/DisclosuresPage')) },
  { path: 'disclosures/manage', ...needs('disclosures.oversee'), lazy: page(() => import('../features/disclosures/ManagePage')) },
  { path: 'disclosures/review', ...needs('disclosures.review'), lazy: page(() => import('../features/disclosures/ReviewPage')) },
  { path: 'disclosures/new', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/DisclosureFormPage')) },
  { path: 'disclosures/stats', ...needs('disclosures.oversee'), lazy: page(() => import('../features/disclosures/StatsPage')) },
  { path: 'disclosures/categories', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/CategoriesPage')) },
  { path: 'disclosures/issues', lazy: page(() => import('../features/disclosures/IssuesPage')) },
  { path: 'disclosures/issues/:id', lazy: page(() => import('../features/disclosures/IssuePage')) },
  { path: 'disclosures/:id', lazy: page(() => import('../features/disclosures/DisclosurePage')) },
  { path: 'disclosures/:id/edit', ...needs('disclosures.write'), lazy: page(() => import('../features/disclosures/DisclosureFormPage')) },
  { path: 'suggestions', lazy: page(() => import('../features/suggestions/SuggestionsHome')) },
  { path: 'suggestions/new', lazy: page(() => import('../features/suggestions/WritePage')) },
  { path: 'suggestions/mine', lazy: page(() => import('../features/suggestions/MinePage')) },
  { path: 'suggestions/wall', lazy: page(() => import('../features/suggestions/WallPage')) },
  { path: 'suggestions/inbox', ...needs('suggestions.handle'), lazy: page(() => import('../features/suggestions/InboxPage')) },
  { path: 'suggestions/figures', ...needs('suggestions.figures'), lazy: page(() => import('../features/suggestions/FiguresPage')) },
  { path: 'suggestions/:id', lazy: page(() => import('../features/suggestions/DetailPage')) },
  { path: 'departments', ...needs('departments.manage'), lazy: page(() => import('../features/departments/DepartmentsPage')) },
  { path: 'care', ...needs('care.read'), lazy: page(() => import('../features/care/CarePage')) },
  { path: 'care/new', ...needs('care.write'), lazy: page(() => import('../features/care/RecordFormPage')) },
  { path: 'care/batch', ...needs('care.write'), lazy: page(() => import('../features/care/BatchPage')) },
  { path: 'care/records/:id', ...needs('care.read'), lazy: page(() => import('../features/care/RecordPage')) },
  { path: 'hardship', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/HardshipPage')) },
  { path: 'hardship/mine', lazy: page(() => import('../features/hardship/MyHelpPage')) },
  { path: 'hardship/apply', lazy: page(() => import('../features/hardship/ApplyPage')) },
  { path: 'hardship/files/new', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FileFormPage')) },
  { path: 'hardship/files/:id', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FilePage')) },
  { path: 'hardship/files/:id/edit', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/FileFormPage')) },
  { path: 'hardship/applications/:id', lazy: page(() => import('../features/hardship/ApplicationPage')) },
  { path: 'hardship/campaigns/:id', ...needs('hardship.manage'), lazy: page(() => import('../features/hardship/CampaignPage')) },
  { path: 'funds', ...needs('funds.read'), lazy: page(() => import('../features/funds/FundsPage')) },
  { path: 'cases', ...needs('cases.manage'), lazy: page(() => import('../features/cases/InboxPage')) },
  { path: 'cases/mine', lazy: page(() => import('../features/cases/MinePage')) },
  { path: 'cases/new', lazy: page(() => import('../features/cases/NewPage')) },
  { path: 'cases/assigned', ...needs('cases.respond'), lazy: page(() => import('../features/cases/AssignedPage')) },
  { path: 'cases/figures', ...needs('cases.figures'), lazy: page(() => import('../features/cases/FiguresPage')) },
  { path: 'cases/:id', lazy: page(() => import('../features/cases/DetailPage')) },
  { path: 'meetings', ...needs('meetings.read'), lazy: page(() => import('../features/meetings/MeetingsPage')) },
  { path: 'meetings/mine', lazy: page(() => import('../features/meetings/MinePage')) },
  { path: 'meetings/new', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/MeetingFormPage')) },
  { path: 'meetings/types', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/TypesPage')) },
  { path: 'meetings/:id', lazy: page(() => import('../features/meetings/MeetingPage')) },
  { path: 'meetings/:id/edit', ...needs('meetings.manage'), lazy: page(() => import('../features/meetings/MeetingFormPage')) },
  { path: 'me', lazy: page(() => import('../features/profile/ProfilePage')) },
  { path: '*', lazy: page(() => import('../components/NotFoundPage')) },
];

export const router = createBrowserRouter([
  {
    path: '/',
    HydrateFallback: PageSpinner,
    ErrorBoundary: RouteError,
    children: [
      {
        element: <GuestOnly />,
        children: [{ path: 'login', lazy: page(() => import('../features/auth/LoginPage')) }],
      },
      { path: 'setup', lazy: page(() => import('../features/auth/SetupPage')) },
      // 意见箱: the anonymous writer follows up with the receipt code, signed in or not.
      { path: 'suggestions/receipt', lazy: page(() => import('../features/suggestions/ReceiptPage')) },
      // 校务公开 for the public: no sign-in.
      { path: 'public/:orgId/disclosures', lazy: page(() => import('../features/disclosures/PublicPage')) },
      {
        element: <RequireAuth passwordChange />,
        children: [{ path: 'change-password', lazy: page(() => import('../features/auth/ForcedPasswordPage')) }],
      },
      {
        element: <RequireAuth />,
        children: [
          { lazy: page(() => import('./layout/AppLayout')), children: appPages },
          // The hall's projector: full screen, no app chrome (the page checks congress.manage itself).
          { path: 'congress/sessions/:id/screen', lazy: page(() => import('../features/congress/ScreenPage')) },
          // The 公开栏 for a projector or an A4 print: no app chrome.
          { path: 'disclosures/issues/:id/board', lazy: page(() => import('../features/disclosures/BoardPage')) },
        ],
      },
    ],
  },
]);
