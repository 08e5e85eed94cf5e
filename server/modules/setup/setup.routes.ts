import type { FastifyInstance } from 'fastify';
import { setupInput } from '../../../common/auth';
import { route } from '../../plugins/route';
import type { Services } from '../../services';
import { setSessionCookie } from '../auth/auth.cookies';

export function setupRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/setup/status',
    access: 'public',
    summary: '是否需要初始化 / whether setup is needed',
    handler: async () => ({ needed: await s.setup.needed() }),
  });
  route(app, {
    method: 'POST',
    url: '/api/setup',
    access: 'public',
    summary: '首次初始化：学校名称与管理员 / first-run setup',
    body: setupInput,
    handler: async ({ reply, body }) => {
      const issued = await s.setup.complete(body.token, body);
      setSessionCookie(reply, issued.token, s.config.sessionHours, s.config.cookieSecure);
      return issued.result;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: '健康检查 / health',
    handler: async () => {
      await s.orgs.isEmpty();
      return { status: 'ok', database: s.dialect };
    },
  });
}
