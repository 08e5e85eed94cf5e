import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../../common/auth';
import {
  assignInput,
  batchDecisionInput,
  coSignersInput,
  coSignInput,
  decisionInput,
  messageInput,
  proposalInput,
  proposalCountsQuery,
  proposalListQuery,
  proposalPatch,
  proposalPeriodQuery,
  publishInput,
  ratingInput,
  replyInput,
  submitInput,
  templateInput,
  templatePatch,
  templateListQuery,
  windowInput,
} from '../../../common/proposals';
import { sendDocx } from '../../lib/docx';
import { localDate } from '../../lib/time';
import { sendXlsx } from '../../lib/xlsx';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

const exportQuery = proposalListQuery.omit({ page: true, pageSize: true });

// 提案. Any signed-in delegate writes; the service checks who takes part in each proposal. Committee
// work needs proposals.committee, replying needs proposals.handle (and being the assigned 主办).
// Someone who may not see a proposal (or another school's template) gets 404 before the body is
// validated (`visible`): ids reveal nothing, and the answer is the same whatever was sent.
export function proposalRoutes(app: FastifyInstance, s: Services): void {
  const p = s.proposals;
  const proposal = { params: idParams, visible: (user: SessionUser, { id }: Record<string, string>) => p.assertVisible(user, id) };
  const template = { params: idParams, visible: (user: SessionUser, { id }: Record<string, string>) => p.templateExists(user, id) };

  route(app, {
    method: 'GET',
    url: '/api/proposals',
    access: 'authenticated',
    summary: '提案列表（本人参与的；委员会看全部）/ list proposals',
    query: proposalListQuery,
    handler: ({ req, query }) => p.list(userOf(req), query),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals',
    access: 'authenticated',
    summary: '起草提案（须为本届代表或代表团团长）/ draft a proposal',
    body: proposalInput,
    created: true,
    handler: ({ req, body }) => p.create(userOf(req), body),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/counts',
    access: 'authenticated',
    summary: '各状态提案数（与列表同范围）/ counts per state',
    query: proposalCountsQuery,
    handler: ({ req, query }) => p.counts(userOf(req), query),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/handlers',
    access: 'proposals.committee',
    summary: '可交办的承办人 / accounts a proposal can be assigned to',
    handler: ({ req }) => p.handlers(userOf(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/proposals/stats',
    access: 'proposals.committee',
    summary: '提案统计（sessionId 或 schoolYear；默认本学年）/ figures',
    query: proposalPeriodQuery,
    handler: ({ req, query }) => p.stats(userOf(req), query),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/export',
    access: 'proposals.committee',
    summary: '导出提案列表 .xlsx / export list',
    query: exportQuery,
    handler: async ({ req, reply, query }) => sendXlsx(reply, await p.xlsx(userOf(req), query), `提案列表-${localDate()}.xlsx`),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/compilation',
    access: 'proposals.committee',
    summary: '提案汇编 .docx（全部立案提案及答复）/ compilation',
    query: proposalPeriodQuery,
    handler: async ({ req, reply, query }) => sendDocx(reply, await p.compilation(userOf(req), query), `提案汇编-${localDate()}.docx`),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/report',
    access: 'proposals.committee',
    summary: '提案办理情况报告 .docx（sessionId 或 schoolYear；默认本学年）/ handling report',
    query: proposalPeriodQuery,
    handler: async ({ req, reply, query }) => sendDocx(reply, await p.report(userOf(req), query), `提案办理情况报告-${localDate()}.docx`),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/decisions',
    access: 'proposals.committee',
    summary: '批量决定（草拟或直接发布）/ batch decide',
    body: batchDecisionInput,
    handler: ({ req, body }) => p.decideMany(userOf(req), body.ids, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/decisions/publish',
    access: 'proposals.committee',
    summary: '发布已草拟的决定 / publish drafted decisions',
    body: publishInput,
    handler: ({ req, body }) => p.publish(userOf(req), body.ids),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposals/:id',
    access: 'authenticated',
    summary: '提案详情 / proposal detail',
    // No body to validate, and get() answers 404 itself: the visibility pre-check would load it twice.
    params: idParams,
    handler: ({ req, params }) => p.get(userOf(req), params.id),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/proposals/:id',
    access: 'authenticated',
    summary: '修改草稿 / edit draft',
    ...proposal,
    body: proposalPatch,
    handler: ({ req, params, body }) => p.update(userOf(req), params.id, body),
  });

  route(app, {
    method: 'DELETE',
    url: '/api/proposals/:id',
    access: 'authenticated',
    summary: '删除草稿 / delete draft',
    ...proposal,
    handler: ({ req, params }) => p.remove(userOf(req), params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/cosigners',
    access: 'authenticated',
    summary: '邀请附议人 / invite co-signers',
    ...proposal,
    body: coSignersInput,
    handler: ({ req, params, body }) => p.invite(userOf(req), params.id, body.memberIds),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/cosign',
    access: 'authenticated',
    summary: '接受或谢绝附议 / accept or decline co-signing',
    ...proposal,
    body: coSignInput,
    handler: ({ req, params, body }) => p.respond(userOf(req), params.id, body.accept),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/withdraw',
    access: 'authenticated',
    summary: '撤回提案（审查前）/ withdraw before the decision',
    ...proposal,
    handler: ({ req, params }) => p.withdraw(userOf(req), params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/submit',
    access: 'authenticated',
    summary: '提交提案 / submit',
    ...proposal,
    body: submitInput,
    handler: ({ req, params }) => p.submit(userOf(req), params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/decision',
    access: 'proposals.committee',
    summary: '委员会决定（立案/并案/转意见建议/不予立案）/ decide',
    ...proposal,
    body: decisionInput,
    handler: ({ req, params, body }) => p.decideOne(userOf(req), params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/notes',
    access: 'proposals.committee',
    summary: '委员会内部备注 / private committee note',
    ...proposal,
    body: messageInput,
    handler: ({ req, params, body }) => p.addNote(userOf(req), params.id, body.body),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/assign',
    access: 'proposals.committee',
    summary: '交办（主办、协办、期限）/ assign',
    ...proposal,
    body: assignInput,
    handler: ({ req, params, body }) => p.assign(userOf(req), params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/reply',
    access: 'proposals.handle',
    summary: '主办答复（A/B/C）/ reply',
    ...proposal,
    body: replyInput,
    handler: ({ req, params, body }) => p.reply(userOf(req), params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/rating',
    access: 'authenticated',
    summary: '提案人评价答复 / rate the reply',
    ...proposal,
    body: ratingInput,
    handler: ({ req, params, body }) => p.rate(userOf(req), params.id, body.rating, body.comment),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposals/:id/messages',
    access: 'authenticated',
    summary: '承办人与提案人留言 / message',
    ...proposal,
    body: messageInput,
    handler: ({ req, params, body }) => p.message(userOf(req), params.id, body.body),
  });

  route(app, {
    method: 'GET',
    url: '/api/proposal-windows',
    access: 'authenticated',
    summary: '提案征集时间 / collection windows',
    handler: ({ req }) => p.windows(userOf(req)),
  });

  route(app, {
    method: 'PUT',
    url: '/api/proposal-windows',
    access: 'proposals.committee',
    summary: '设置某次会议的提案征集时间 / set a window',
    body: windowInput,
    handler: async ({ req, body }) => {
      await p.setWindow(userOf(req), body);
      return p.windows(userOf(req));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/proposal-templates',
    access: 'authenticated',
    summary: '决定与答复模板（委员会、承办人）/ templates',
    query: templateListQuery,
    handler: ({ req, query }) => p.templates(userOf(req), query.kind),
  });

  route(app, {
    method: 'POST',
    url: '/api/proposal-templates',
    access: 'proposals.committee',
    summary: '新建模板 / create template',
    body: templateInput,
    created: true,
    handler: ({ req, body }) => p.createTemplate(userOf(req), body),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/proposal-templates/:id',
    access: 'proposals.committee',
    summary: '修改模板 / update template',
    ...template,
    body: templatePatch,
    handler: ({ req, params, body }) => p.updateTemplate(userOf(req), params.id, body),
  });

  route(app, {
    method: 'DELETE',
    url: '/api/proposal-templates/:id',
    access: 'proposals.committee',
    summary: '删除模板 / delete template',
    ...template,
    handler: ({ req, params }) => p.removeTemplate(userOf(req), params.id),
  });
}
