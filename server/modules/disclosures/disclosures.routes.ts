import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  answerInput,
  categoryInput,
  categoryPatch,
  disclosureInput,
  disclosureListQuery,
  disclosurePatch,
  disclosureStatsQuery,
  feedQuery,
  issueInput,
  publicListQuery,
  questionInput,
  returnInput,
} from '../../../common/disclosures';
import { sendFile } from '../files/files.routes';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

const publicParams = z.object({ orgId: z.string().min(1).max(64) });
const publicItemParams = publicParams.extend({ id: z.string().min(1).max(64) });
const publicFileParams = publicItemParams.extend({ fileId: z.string().min(1).max(64) });

// 校务公开. Reading needs only a sign-in (the service checks audience and period); the committee writes
// and publishes (disclosures.write), the 监督小组 reviews (disclosures.review), both oversee. The public
// page needs nothing and only ever answers public, published, in-period items.
export function disclosureRoutes(app: FastifyInstance, s: Services): void {
  app.register(async (scope) => {
    // Someone who may not reach an item (or another school's issue, question or category) gets 404
    // before the body is validated: ids reveal nothing, whatever was sent.
    scope.addHook('preHandler', async (req) => {
      const id = (req.params as { id?: string } | undefined)?.id;
      const url = req.routeOptions.url ?? '';
      if (!id || !req.user) return;
      const d = s.disclosures;
      if (url.startsWith('/api/disclosures/:id')) await d.assertVisible(req.user, id);
      else if (url.startsWith('/api/disclosure-questions/:id')) await d.assertQuestion(req.user, id);
      else if (url.startsWith('/api/disclosure-issues/:id')) await d.assertIssue(req.user, id);
      else if (url.startsWith('/api/disclosure-categories/:id')) await d.assertCategory(req.user, id);
    });
    registerItemRoutes(scope, s);
    registerReaderRoutes(scope, s);
    registerIssueRoutes(scope, s);
    registerCategoryRoutes(scope, s);
  });
}

function registerItemRoutes(app: FastifyInstance, s: Services): void {
  const d = s.disclosures;
  route(app, {
    method: 'GET',
    url: '/api/disclosures',
    access: 'disclosures.oversee',
    summary: '校务公开条目（全部状态）/ all items, any state',
    query: disclosureListQuery,
    handler: ({ req, query }) => d.list(userOf(req), query),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosures',
    access: 'disclosures.write',
    summary: '起草公开条目 / draft an item',
    body: disclosureInput,
    created: true,
    handler: ({ req, body }) => d.create(userOf(req), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/disclosures/stats',
    access: 'disclosures.oversee',
    summary: '学年统计（条目、分类、资料份数、期数、问答）/ figures of a school year',
    query: disclosureStatsQuery,
    handler: ({ req, query }) => d.stats(userOf(req), query.schoolYear),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/disclosures/:id',
    access: 'disclosures.write',
    summary: '修改草稿 / edit a draft',
    params: idParams,
    body: disclosurePatch,
    handler: ({ req, params, body }) => d.update(userOf(req), params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/disclosures/:id',
    access: 'disclosures.write',
    summary: '删除草稿 / delete a draft',
    params: idParams,
    handler: ({ req, params }) => d.remove(userOf(req), params.id),
  });
  const steps = [
    ['submit', 'disclosures.write', '提交监督小组审核 / submit for review', d.submit],
    ['withdraw', 'disclosures.write', '撤回修改（待审核或已审核）/ take back for changes', d.withdraw],
    ['approve', 'disclosures.review', '监督小组审核通过 / approve', d.approve],
    ['archive', 'disclosures.write', '归档 / archive', d.archive],
  ] as const;
  for (const [action, access, summary, handler] of steps) {
    route(app, {
      method: 'POST',
      url: `/api/disclosures/:id/${action}`,
      access,
      summary,
      params: idParams,
      handler: ({ req, params }) => handler(userOf(req), params.id),
    });
  }
  route(app, {
    method: 'POST',
    url: '/api/disclosures/:id/return',
    access: 'disclosures.review',
    summary: '监督小组退回（附意见）/ return with a comment',
    params: idParams,
    body: returnInput,
    handler: ({ req, params, body }) => d.sendBack(userOf(req), params.id, body.comment),
  });
  route(app, {
    method: 'GET',
    url: '/api/disclosures/:id/reads',
    access: 'disclosures.oversee',
    summary: '阅读情况（已读、未读名单）/ who has read it',
    params: idParams,
    handler: ({ req, params }) => d.readStatus(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosures/:id/remind',
    access: 'disclosures.write',
    summary: '提醒未读的人 / remind those who have not read it',
    params: idParams,
    handler: ({ req, params }) => d.remind(userOf(req), params.id),
  });
}

function registerReaderRoutes(app: FastifyInstance, s: Services): void {
  const d = s.disclosures;
  route(app, {
    method: 'GET',
    url: '/api/disclosures/feed',
    access: 'authenticated',
    summary: '我能看到的公开内容（新公开在前）/ what I may read, newest first',
    query: feedQuery,
    handler: ({ req, query }) => d.feed(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/disclosures/unread',
    access: 'authenticated',
    summary: '新公开未读数 / unread count',
    handler: ({ req }) => d.unread(userOf(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/disclosures/:id',
    access: 'authenticated',
    summary: '公开条目（读者：已公开、在公开期内、面向本人）/ one item',
    params: idParams,
    handler: ({ req, params }) => d.get(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosures/:id/read',
    access: 'authenticated',
    summary: '记录已读 / record a read receipt',
    params: idParams,
    handler: ({ req, params }) => d.markRead(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosures/:id/questions',
    access: 'authenticated',
    summary: '就条目提问 / ask about an item',
    params: idParams,
    body: questionInput,
    created: true,
    handler: ({ req, params, body }) => d.ask(userOf(req), params.id, body.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosure-questions/:id/answer',
    access: 'disclosures.write',
    summary: '答复提问（可向全部读者公开）/ answer a question',
    params: idParams,
    body: answerInput,
    handler: ({ req, params, body }) => d.answer(userOf(req), params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/:orgId/disclosures',
    access: 'public',
    summary: '面向社会公开的内容（无需登录）/ public items of a school',
    params: publicParams,
    query: publicListQuery,
    handler: ({ params, query }) => d.publicList(params.orgId, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/:orgId/disclosures/:id',
    access: 'public',
    summary: '一条面向社会公开的内容 / one public item',
    params: publicItemParams,
    handler: ({ params }) => d.publicItem(params.orgId, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/:orgId/disclosures/:id/files/:fileId',
    access: 'public',
    summary: '下载面向社会公开内容的附件（无需登录）/ a public item’s file',
    params: publicFileParams,
    handler: async ({ reply, params }) => {
      const { file, content } = await d.publicFile(params.orgId, params.id, params.fileId);
      return sendFile(reply, file, content);
    },
  });
}

function registerIssueRoutes(app: FastifyInstance, s: Services): void {
  const d = s.disclosures;
  route(app, {
    method: 'GET',
    url: '/api/disclosure-issues',
    access: 'authenticated',
    summary: '期次（读者只见已公开的）/ bulletin issues',
    handler: ({ req }) => d.issues(userOf(req)),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosure-issues',
    access: 'disclosures.write',
    summary: '新建下一期 / open the next issue',
    body: issueInput,
    created: true,
    handler: ({ req, body }) => d.createIssue(userOf(req), body.title),
  });
  route(app, {
    method: 'GET',
    url: '/api/disclosure-issues/:id',
    access: 'authenticated',
    summary: '公开栏（一期的全部条目）/ the bulletin board of one issue',
    params: idParams,
    handler: ({ req, params }) => d.board(userOf(req), params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/disclosure-issues/:id',
    access: 'disclosures.write',
    summary: '修改期次标题 / rename an issue',
    params: idParams,
    body: issueInput,
    handler: ({ req, params, body }) => d.renameIssue(userOf(req), params.id, body.title),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/disclosure-issues/:id',
    access: 'disclosures.write',
    summary: '删除最新的空期次 / delete the latest empty issue',
    params: idParams,
    handler: ({ req, params }) => d.removeIssue(userOf(req), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosure-issues/:id/publish',
    access: 'disclosures.write',
    summary: '整期公开（全部条目须已审核）/ publish an issue',
    params: idParams,
    handler: ({ req, params }) => d.publishIssue(userOf(req), params.id),
  });
}

function registerCategoryRoutes(app: FastifyInstance, s: Services): void {
  const d = s.disclosures;
  route(app, {
    method: 'GET',
    url: '/api/disclosure-categories',
    access: 'authenticated',
    summary: '公开类别 / categories',
    handler: ({ req }) => d.categories(userOf(req)),
  });
  route(app, {
    method: 'POST',
    url: '/api/disclosure-categories',
    access: 'disclosures.write',
    summary: '新增类别 / add a category',
    body: categoryInput,
    created: true,
    handler: ({ req, body }) => d.createCategory(userOf(req), body.name),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/disclosure-categories/:id',
    access: 'disclosures.write',
    summary: '改名、排序、停用 / rename, reorder, disable',
    params: idParams,
    body: categoryPatch,
    handler: ({ req, params, body }) => d.updateCategory(userOf(req), params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/disclosure-categories/:id',
    access: 'disclosures.write',
    summary: '删除未使用的类别 / delete an unused category',
    params: idParams,
    handler: ({ req, params }) => d.removeCategory(userOf(req), params.id),
  });
}
