import type { FastifyInstance } from 'fastify';
import {
  caseConfirmInput,
  caseExplainInput,
  caseForwardInput,
  caseFromSuggestionInput,
  caseInfoInput,
  caseInput,
  caseListQuery,
  caseNotResolvedInput,
  caseResponseInput,
  caseTriageInput,
  caseYearQuery,
} from '../../../common/cases';
import { sendXlsx } from '../../lib/xlsx';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 权益诉求. Any signed-in member raises and follows their own cases; the union's case handlers
// (cases.manage) work them; the department handler answers what was forwarded to them (cases.respond,
// and the service checks it was them). A case the caller may not see answers 404, whatever was sent.
export function caseRoutes(app: FastifyInstance, s: Services): void {
  const x = s.cases;
  const visible = (user: Parameters<typeof x.assertVisible>[0], params: Record<string, string>) => x.assertVisible(user, params.id);

  route(app, {
    method: 'POST',
    url: '/api/cases',
    access: 'authenticated',
    summary: '提出权益诉求 / raise a case',
    body: caseInput,
    created: true,
    handler: ({ req, body }) => x.submit(userOf(req), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases',
    access: 'cases.manage',
    summary: '诉求收件箱（工会）/ the union’s inbox',
    query: caseListQuery,
    handler: ({ req, query }) => x.inbox(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/mine',
    access: 'authenticated',
    summary: '我的诉求 / my cases',
    query: caseListQuery,
    handler: ({ req, query }) => x.mine(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/assigned',
    access: 'cases.respond',
    summary: '转给我的诉求（承办部门）/ cases forwarded to me',
    query: caseListQuery,
    handler: ({ req, query }) => x.assigned(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/figures',
    access: 'cases.figures',
    summary: '诉求统计（自然年，不含姓名）/ the year’s figures, no names',
    query: caseYearQuery,
    handler: ({ req, query }) => x.figures(userOf(req), query.year),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/export',
    access: 'cases.manage',
    summary: '导出本年诉求 .xlsx / export the year',
    query: caseYearQuery,
    handler: async ({ req, reply, query }) => {
      const { buffer, year } = await x.xlsx(userOf(req), query.year);
      return sendXlsx(reply, buffer, `权益诉求-${year}.xlsx`);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/from-suggestion/:id',
    access: 'cases.manage',
    summary: '意见箱来信转为诉求 / open a case from a suggestion',
    params: idParams,
    visible: (user, params) => s.suggestions.assertVisible(user, params.id),
    body: caseFromSuggestionInput,
    created: true,
    handler: ({ req, params, body }) => x.fromSuggestion(userOf(req), params.id, body.category),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/from-suggestion/:id',
    access: 'authenticated',
    summary: '意见转成的诉求（可见时）/ the case opened from a suggestion',
    params: idParams,
    handler: async ({ req, params }) => ({ case: await x.ofSuggestion(userOf(req), params.id) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/:id',
    access: 'authenticated',
    summary: '诉求详情与时间线 / a case with its timeline',
    params: idParams,
    // No `visible` check first: with no body or query to keep from being read, `get` finding the case
    // (404 when hidden) is the check, and the case is read once instead of twice.
    handler: ({ req, params }) => x.get(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/info',
    access: 'authenticated',
    summary: '本人补充情况 / the member adds information',
    params: idParams,
    visible,
    body: caseInfoInput,
    handler: ({ req, params, body }) => x.addInfo(userOf(req), params.id, body.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/triage',
    access: 'cases.manage',
    summary: '受理 / take up',
    params: idParams,
    visible,
    body: caseTriageInput,
    handler: ({ req, params, body }) => x.triage(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/forward',
    access: 'cases.manage',
    summary: '转交部门承办人（含期限）/ forward with a deadline',
    params: idParams,
    visible,
    body: caseForwardInput,
    handler: ({ req, params, body }) => x.forward(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/respond',
    access: 'cases.respond',
    summary: '承办部门答复 / the department responds',
    params: idParams,
    visible,
    body: caseResponseInput,
    handler: ({ req, params, body }) => x.respond(userOf(req), params.id, body.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/explain',
    access: 'cases.manage',
    summary: '工会向本人解释结果 / the union explains the outcome',
    params: idParams,
    visible,
    body: caseExplainInput,
    handler: ({ req, params, body }) => x.explain(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/confirm',
    access: 'authenticated',
    summary: '本人确认办结并评分 / the member confirms and rates',
    params: idParams,
    visible,
    body: caseConfirmInput,
    handler: ({ req, params, body }) => x.confirm(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/not-resolved',
    access: 'authenticated',
    summary: '本人表示未解决（仅一次）/ the member says not resolved (once)',
    params: idParams,
    visible,
    body: caseNotResolvedInput,
    handler: ({ req, params, body }) => x.notResolved(userOf(req), params.id, body.reason),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/close',
    access: 'cases.manage',
    summary: '办结匿名来源的诉求 / close a case from an anonymous source',
    params: idParams,
    visible,
    handler: ({ req, params }) => x.close(userOf(req), params.id),
  });
}
