import type { FastifyInstance } from 'fastify';
import { bulkAccountsInput, passwordResetInput, userCreateInput, userListQuery, userUpdateInput } from '../../../common/users';
import { localDate } from '../../lib/time';
import { sendXlsx, workbookBuffer } from '../../lib/xlsx';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';
import { actorOf } from '../audit/audit.repo';
import { rolesText } from './users.service';

export function userRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/users',
    access: 'users.read',
    summary: '账号列表 / accounts',
    query: userListQuery,
    handler: ({ req, query }) => s.users.list(userOf(req).org.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/users',
    access: 'users.write',
    summary: '新建账号 / create account',
    body: userCreateInput,
    created: true,
    handler: ({ req, body }) => s.users.create(actorOf(userOf(req)), body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/users/:id',
    access: 'users.write',
    summary: '修改角色、停用账号 / update roles, disable',
    params: idParams,
    body: userUpdateInput,
    handler: ({ req, params, body }) => s.users.update(actorOf(userOf(req)), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/users/:id/reset-password',
    access: 'users.write',
    summary: '重置密码（下次登录须修改）/ reset password',
    params: idParams,
    body: passwordResetInput,
    handler: ({ req, params, body }) => s.users.resetPassword(actorOf(userOf(req)), params.id, body.password),
  });
  route(app, {
    method: 'POST',
    url: '/api/users/bulk',
    access: 'users.write',
    summary: '为会员批量开通账号，返回初始密码 .xlsx / bulk accounts',
    body: bulkAccountsInput,
    handler: async ({ req, reply, body }) => {
      const issued = await s.users.bulkCreate(actorOf(userOf(req)), body.memberIds, body.roles);
      const rows = issued.map((a) => [a.name, a.employeeNo, a.username || '（已有账号）', a.password ?? '', a.password ? rolesText(body.roles) : '']);
      const buffer = await workbookBuffer([{ name: '初始密码', headers: ['姓名', '工号', '用户名', '初始密码', '角色'], rows, textColumns: [1, 2, 3] }]);
      return sendXlsx(reply, buffer, `初始密码-${localDate()}.xlsx`);
    },
  });
}
