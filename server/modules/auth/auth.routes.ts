import type { FastifyInstance } from 'fastify';
import { changePasswordInput, loginInput } from '../../../common/auth';
import type { Services } from '../../services';
import { route, userOf } from '../../plugins/route';
import { clearSessionCookie, setSessionCookie } from './auth.cookies';
import type { IssuedSession } from './auth.service';

export function authRoutes(app: FastifyInstance, s: Services): void {
  const { sessionHours, cookieSecure } = s.config;
  const answer = (reply: Parameters<typeof setSessionCookie>[0], issued: IssuedSession) => {
    setSessionCookie(reply, issued.token, sessionHours, cookieSecure);
    return issued.result;
  };

  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    summary: '登录 / sign in',
    body: loginInput,
    handler: async ({ req, reply, body }) => answer(reply, await s.auth.login(body.username, body.password, req.sessionId)),
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: '退出登录 / sign out',
    handler: async ({ req, reply }) => {
      if (req.sessionId) await s.auth.logout(req.sessionId);
      clearSessionCookie(reply);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/me',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: '当前用户 / current user',
    handler: async ({ req }) => ({ user: userOf(req), csrfToken: req.csrfToken }),
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/password',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: '修改密码 / change password',
    body: changePasswordInput,
    handler: async ({ req, reply, body }) => answer(reply, await s.auth.changePassword(userOf(req), body.currentPassword, body.newPassword)),
  });

  route(app, {
    method: 'GET',
    url: '/api/profile',
    access: 'authenticated',
    summary: '我的资料 / my profile',
    handler: async ({ req }) => {
      const user = userOf(req);
      return { user, member: user.memberId ? await s.members.findForProfile(user.org.id, user.memberId) : null };
    },
  });
}
