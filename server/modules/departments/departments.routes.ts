import type { FastifyInstance } from 'fastify';
import { departmentInput, departmentPatch } from '../../../common/departments';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 部门: every signed-in member reads the list (to address mail); admin and chair manage it.
export function departmentRoutes(app: FastifyInstance, s: Services): void {
  const d = s.departments;
  app.register(async (scope) => {
    // Another school's department is 404 before a body is read.
    scope.addHook('preHandler', async (req) => {
      const id = (req.params as { id?: string } | undefined)?.id;
      if (id && req.user) await d.assertExists(req.user, id);
    });

    route(scope, {
      method: 'GET',
      url: '/api/departments',
      access: 'authenticated',
      summary: '部门及其承办人 / departments and their handler accounts',
      handler: ({ req }) => d.list(userOf(req)),
    });
    route(scope, {
      method: 'GET',
      url: '/api/departments/candidates',
      access: 'departments.manage',
      summary: '可设为承办人的账号 / accounts that can handle a department’s mail',
      handler: ({ req }) => d.candidates(userOf(req)),
    });
    route(scope, {
      method: 'POST',
      url: '/api/departments',
      access: 'departments.manage',
      summary: '新建部门 / create a department',
      body: departmentInput,
      created: true,
      handler: ({ req, body }) => d.create(userOf(req), body),
    });
    route(scope, {
      method: 'PATCH',
      url: '/api/departments/:id',
      access: 'departments.manage',
      summary: '修改部门或其承办人 / rename, or change the handlers',
      params: idParams,
      body: departmentPatch,
      handler: ({ req, params, body }) => d.update(userOf(req), params.id, body),
    });
    route(scope, {
      method: 'DELETE',
      url: '/api/departments/:id',
      access: 'departments.manage',
      summary: '删除部门（已有记录保留）/ delete (records keep it)',
      params: idParams,
      handler: ({ req, params }) => d.remove(userOf(req), params.id),
    });
  });
}
