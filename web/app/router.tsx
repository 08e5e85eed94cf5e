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
      {
        element: <RequireAuth passwordChange />,
        children: [{ path: 'change-password', lazy: page(() => import('../features/auth/ForcedPasswordPage')) }],
      },
      {
        element: <RequireAuth />,
        children: [{ lazy: page(() => import('./layout/AppLayout')), children: appPages }],
      },
    ],
  },
]);
