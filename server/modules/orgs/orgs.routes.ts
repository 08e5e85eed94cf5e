import type { FastifyInstance } from 'fastify';
import { childOrgInput, orgUpdateInput } from '../../../common/orgs';
import { route, userOf } from '../../plugins/route';
import type { Services } from '../../services';
import { actorOf } from '../audit/audit.repo';

export function orgRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/org',
    access: 'org.read',
    summary: '本单位信息与设置 / my organisation',
    handler: ({ req }) => s.orgs.get(userOf(req).org.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/org',
    access: 'org.write',
    summary: '修改本单位设置 / update settings',
    body: orgUpdateInput,
    handler: ({ req, body }) => s.orgs.update(actorOf(userOf(req)), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/orgs/children',
    access: 'orgs.children',
    summary: '下级单位 / organisations under mine',
    handler: ({ req }) => s.orgs.children(userOf(req).org.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/orgs/children',
    access: 'orgs.children',
    summary: '新建下级单位及其管理员 / add a school with its administrator',
    body: childOrgInput,
    created: true,
    handler: ({ req, body }) => s.setup.createChild(actorOf(userOf(req)), body),
  });
}
