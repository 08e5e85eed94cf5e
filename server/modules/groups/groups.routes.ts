import type { FastifyInstance } from 'fastify';
import { groupInput, groupPatch } from '../../../common/groups';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';
import { actorOf } from '../audit/audit.repo';

export function groupRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/groups',
    access: 'groups.read',
    summary: '工会小组列表 / union groups',
    handler: ({ req }) => s.groups.list(userOf(req).org.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/groups',
    access: 'groups.write',
    summary: '新建工会小组 / create group',
    body: groupInput,
    created: true,
    handler: ({ req, body }) => s.groups.create(actorOf(userOf(req)), body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/groups/:id',
    access: 'groups.write',
    summary: '修改工会小组 / update group',
    params: idParams,
    body: groupPatch,
    handler: ({ req, params, body }) => s.groups.update(actorOf(userOf(req)), params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/groups/:id',
    access: 'groups.write',
    summary: '删除工会小组 / delete group',
    params: idParams,
    handler: ({ req, params }) => s.groups.remove(actorOf(userOf(req)), params.id),
  });
}
