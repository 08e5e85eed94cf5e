import type { FastifyInstance } from 'fastify';
import { auditQuery } from '../../../common/audit';
import { route, userOf } from '../../plugins/route';
import { localDayStartUtc } from '../../lib/time';
import type { Services } from '../../services';

export function auditRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/audit',
    access: 'audit.read',
    summary: '审计日志 / audit log',
    query: auditQuery,
    handler: async ({ req, query }) => {
      const user = userOf(req);
      const tz = (await s.orgs.get(user.org.id)).settings.timezone;
      return s.audit.list(user.org.id, Object.assign({}, query, {
        from: query.from ? localDayStartUtc(query.from, tz) : undefined,
        to: query.to ? localDayStartUtc(query.to, tz, 1) : undefined,
      }));
    },
  });
}
