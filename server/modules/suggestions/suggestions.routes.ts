import type { FastifyInstance } from 'fastify';
import {
  pageQuery,
  proposalLinkInput,
  receiptParams,
  suggestionFiguresQuery,
  suggestionInput,
  suggestionListQuery,
  suggestionMessageInput,
  suggestionReplyInput,
  suggestionStatusInput,
  wallConsentInput,
  wallInput,
} from '../../../common/suggestions';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

/**
 * Routes whose request log line leaves out the caller's address (server/app.ts reads the flag): the
 * submission, named or not, so an anonymous one does not stand out, and the receipt pages.
 */
const ANONYMOUS = new Set(['POST /api/suggestions', 'GET /api/suggestions/receipt/:code', 'HEAD /api/suggestions/receipt/:code', 'POST /api/suggestions/receipt/:code/messages']);

// 意见箱. Any signed-in member writes and follows their named mail; whoever answers a mailbox
// (suggestions.handle, and the service checks it is theirs) replies; the receipt code needs no sign-in.
export function suggestionRoutes(app: FastifyInstance, s: Services): void {
  app.register(async (scope) => {
    scope.addHook('onRoute', (r) => {
      if ([r.method].flat().some((m) => ANONYMOUS.has(`${m} ${r.url}`))) r.config = { ...(r.config as object), anonymous: true };
    });
    // Someone who may not see a suggestion gets 404 before the body is validated: ids reveal nothing.
    // A read has no body, and its handler answers the same 404 itself: it is not looked up twice.
    scope.addHook('preHandler', async (req) => {
      if (req.method === 'GET' || req.method === 'HEAD') return;
      const id = (req.params as { id?: string } | undefined)?.id;
      if (id && req.user && (req.routeOptions.url ?? '').startsWith('/api/suggestions/:id')) await s.suggestions.assertVisible(req.user, id);
    });
    registerSuggestionRoutes(scope, s);
  });

  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stop = s.suggestions.scheduleNotices((err) => app.log.error({ err }, 'suggestion notices failed'));
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}

function registerSuggestionRoutes(app: FastifyInstance, s: Services): void {
  const x = s.suggestions;
  route(app, {
    method: 'POST',
    url: '/api/suggestions',
    access: 'authenticated',
    summary: '写意见（署名或匿名；匿名只回 { receipt }）/ send a suggestion',
    body: suggestionInput,
    created: true,
    handler: ({ req, body }) => x.submit(userOf(req), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions',
    access: 'suggestions.handle',
    summary: '收件箱：写给我的意见 / inbox of the mailboxes I answer',
    query: suggestionListQuery,
    handler: ({ req, query }) => x.inbox(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions/mine',
    access: 'authenticated',
    summary: '我的意见（署名的）/ my named suggestions',
    query: pageQuery,
    handler: ({ req, query }) => x.mine(userOf(req), query.page, query.pageSize),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions/wall',
    access: 'authenticated',
    summary: '回音壁 / published questions and answers',
    query: pageQuery,
    handler: ({ req, query }) => x.wall(userOf(req), query.page, query.pageSize),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions/figures',
    access: 'suggestions.figures',
    summary: '意见箱统计（学年）/ figures per school year',
    query: suggestionFiguresQuery,
    handler: ({ req, query }) => x.stats(userOf(req), query.schoolYear),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions/receipt/:code',
    access: 'public',
    summary: '凭回执码查看意见与答复（无需登录）/ read with the receipt code',
    params: receiptParams,
    handler: ({ req, params }) => x.receipt(params.code, req.ip),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/receipt/:code/messages',
    access: 'public',
    summary: '凭回执码回复（无需登录）/ write back with the receipt code',
    params: receiptParams,
    body: suggestionMessageInput,
    created: true,
    handler: ({ req, params, body }) => x.receiptMessage(params.code, req.ip, body.body),
  });
  route(app, {
    method: 'GET',
    url: '/api/suggestions/:id',
    access: 'authenticated',
    summary: '意见详情（来信人或收件人）/ suggestion detail',
    params: idParams,
    handler: ({ req, params }) => x.get(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/messages',
    access: 'authenticated',
    summary: '署名来信人追加留言 / the named writer writes back',
    params: idParams,
    body: suggestionMessageInput,
    handler: ({ req, params, body }) => x.writeBack(userOf(req), params.id, body.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/wall-consent',
    access: 'authenticated',
    summary: '来信人同意或撤回登上回音壁 / the writer’s consent to the wall',
    params: idParams,
    body: wallConsentInput,
    handler: ({ req, params, body }) => x.consent(userOf(req), params.id, body.consent),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/replies',
    access: 'suggestions.handle',
    summary: '答复（可多次）/ reply',
    params: idParams,
    body: suggestionReplyInput,
    handler: ({ req, params, body }) => x.reply(userOf(req), params.id, body.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/status',
    access: 'suggestions.handle',
    summary: '处理中 / 关闭 / take up or close',
    params: idParams,
    body: suggestionStatusInput,
    handler: ({ req, params, body }) => x.setStatus(userOf(req), params.id, body.status),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/wall',
    access: 'suggestions.handle',
    summary: '登上或撤下回音壁 / publish on or remove from the wall',
    params: idParams,
    body: wallInput,
    handler: ({ req, params, body }) => x.publish(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/suggestions/:id/proposal',
    access: 'suggestions.handle',
    summary: '关联提案 / link a proposal',
    params: idParams,
    body: proposalLinkInput,
    handler: ({ req, params, body }) => x.linkProposal(userOf(req), params.id, body.proposalId),
  });
}
