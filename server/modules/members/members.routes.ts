import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { memberInput, memberListQuery, memberPatch } from '../../../common/members';
import { localDate } from '../../lib/time';
import { sendXlsx } from '../../lib/xlsx';
import { idParams, route, userOf } from '../../plugins/route';
import { uploadedFile } from '../../plugins/upload';
import type { Services } from '../../services';
import { actorOf } from '../audit/audit.repo';
import { rosterTemplate, rosterWorkbook } from './members.xlsx';

const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');
const importQuery = z.object({ dryRun: flag, skipInvalid: flag });
const exportQuery = memberListQuery.omit({ page: true, pageSize: true, sort: true });

export function memberRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/members',
    access: 'members.read',
    summary: '会员列表与搜索 / list and search members',
    query: memberListQuery,
    handler: ({ req, query }) => s.members.list(userOf(req).org.id, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/members/export',
    access: 'members.export',
    summary: '导出会员名册 .xlsx / export roster',
    query: exportQuery,
    handler: async ({ req, reply, query }) => {
      const user = userOf(req);
      const buffer = await rosterWorkbook(await s.members.all(user.org.id, query));
      return sendXlsx(reply, buffer, `会员名册-${localDate()}.xlsx`);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/members/template',
    access: 'members.import',
    summary: '会员导入模板 / import template',
    handler: async ({ reply }) => sendXlsx(reply, await rosterTemplate(), '会员导入模板.xlsx'),
  });

  route(app, {
    method: 'POST',
    url: '/api/members/import',
    access: 'members.import',
    summary: '导入会员名册 .xlsx（multipart 字段 file；dryRun=1 预览）/ import roster',
    query: importQuery,
    consumes: ['multipart/form-data'],
    handler: async ({ req, query }) => {
      const { bytes } = await uploadedFile(req, 'err.file_required');
      return s.members.importRoster(actorOf(userOf(req)), bytes, query);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/members/:id',
    access: 'members.read',
    summary: '会员详情 / member detail',
    params: idParams,
    handler: ({ req, params }) => s.members.get(userOf(req).org.id, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/members',
    access: 'members.write',
    summary: '新建会员 / create member',
    body: memberInput,
    created: true,
    handler: ({ req, body }) => s.members.create(actorOf(userOf(req)), body),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/members/:id',
    access: 'members.write',
    summary: '修改会员 / update member',
    params: idParams,
    body: memberPatch,
    handler: ({ req, params, body }) => s.members.update(actorOf(userOf(req)), params.id, body),
  });

  route(app, {
    method: 'DELETE',
    url: '/api/members/:id',
    access: 'members.write',
    summary: '删除会员（可恢复）/ delete member (soft)',
    params: idParams,
    handler: ({ req, params }) => s.members.remove(actorOf(userOf(req)), params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/members/:id/restore',
    access: 'members.write',
    summary: '恢复已删除会员 / restore member',
    params: idParams,
    handler: ({ req, params }) => s.members.restore(actorOf(userOf(req)), params.id),
  });
}
