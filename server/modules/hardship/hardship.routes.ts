import type { FastifyInstance } from 'fastify';
import {
  applicationApproveInput,
  applicationInput,
  applicationListQuery,
  applicationReviewInput,
  campaignInput,
  campaignItemParams,
  campaignPayInput,
  campaignVisitInput,
  hardshipCapsInput,
  hardshipCloseInput,
  hardshipFileInput,
  hardshipFileListQuery,
  hardshipFilePatch,
  hardshipReopenInput,
  hardshipReviewedInput,
  paymentInput,
  yearQuery,
} from '../../../common/hardship';
import { sendDownload } from '../../lib/download';
import { PDF_TYPE } from '../../lib/pdf';
import { langOf } from '../../plugins/lang';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 困难帮扶. hardship.manage (the chair, the 生活福利委员) reads and keeps the files, reviews, pays and runs
// campaigns; hardship.approve (the chair) approves and sets the caps. One file or application is read
// by the committee or by the member it is about; anyone else gets 404 (the services check).
export function hardshipRoutes(app: FastifyInstance, s: Services): void {
  const { files, applications, campaigns } = s.hardship;
  const [file, application, campaign] = (['hardship_files', 'hardship_applications', 'hardship_campaigns'] as const).map(s.hardship.visible);
  route(app, { method: 'GET', url: '/api/hardship/mine', access: 'authenticated', summary: '我的帮扶：本人档案（不含委员备注）与申请 / my own file and applications', handler: ({ req }) => files.mine(userOf(req)) });
  route(app, { method: 'GET', url: '/api/hardship/reminders', access: 'hardship.manage', summary: '工作台提醒：年度复核、待审核/审批/发放 / reminders', handler: ({ req }) => s.hardship.reminders(userOf(req)) });
  route(app, { method: 'GET', url: '/api/hardship/caps', access: 'hardship.manage', summary: '帮扶标准（分）/ caps per level', handler: ({ req }) => s.hardship.caps(userOf(req)) });
  route(app, { method: 'PUT', url: '/api/hardship/caps', access: 'hardship.approve', summary: '修改帮扶标准（主席）/ set the caps', body: hardshipCapsInput, handler: ({ req, body }) => s.hardship.setCaps(userOf(req), body) });

  route(app, { method: 'GET', url: '/api/hardship/files', access: 'hardship.manage', summary: '困难档案 / hardship files', query: hardshipFileListQuery, handler: ({ req, query }) => files.list(userOf(req), query) });
  route(app, { method: 'POST', url: '/api/hardship/files', access: 'hardship.manage', summary: '建立困难档案 / open a file', body: hardshipFileInput, created: true, handler: ({ req, body }) => files.create(userOf(req), body) });
  route(app, { method: 'GET', url: '/api/hardship/files/:id', access: 'authenticated', summary: '困难档案详情（委员会；本人只读本人）/ one file', params: idParams, visible: file, handler: ({ req, params }) => files.get(userOf(req), params.id) });
  route(app, { method: 'PATCH', url: '/api/hardship/files/:id', access: 'hardship.manage', summary: '修改困难档案 / edit a file', params: idParams, visible: file, body: hardshipFilePatch, handler: ({ req, params, body }) => files.update(userOf(req), params.id, body) });
  route(app, { method: 'POST', url: '/api/hardship/files/:id/close', access: 'hardship.manage', summary: '脱困（关闭档案，须写明理由）/ close a file', params: idParams, visible: file, body: hardshipCloseInput, handler: ({ req, params, body }) => files.close(userOf(req), params.id, body.date, body.reason) });
  route(app, { method: 'POST', url: '/api/hardship/files/:id/reopen', access: 'hardship.manage', summary: '重新启用档案 / reopen a file', params: idParams, visible: file, body: hardshipReopenInput, handler: ({ req, params, body }) => files.reopen(userOf(req), params.id, body.reviewOn) });
  route(app, { method: 'POST', url: '/api/hardship/files/:id/reviewed', access: 'hardship.manage', summary: '完成年度复核 / yearly review done', params: idParams, visible: file, body: hardshipReviewedInput, handler: ({ req, params, body }) => files.reviewed(userOf(req), params.id, body.date, body.note) });

  route(app, { method: 'GET', url: '/api/hardship/applicable-members', access: 'hardship.apply_for', summary: '小组长可代为申请的本组会员 / the members a group leader may apply for', handler: ({ req }) => applications.applicable(userOf(req)) });
  route(app, { method: 'GET', url: '/api/hardship/applications', access: 'hardship.manage', summary: '帮扶申请 / applications', query: applicationListQuery, handler: ({ req, query }) => applications.list(userOf(req), query) });
  route(app, { method: 'POST', url: '/api/hardship/applications', access: 'authenticated', summary: '申请帮扶（本人、小组长代本组会员、委员会）/ apply', body: applicationInput, created: true, handler: ({ req, body }) => applications.apply(userOf(req), body) });
  route(app, { method: 'GET', url: '/api/hardship/applications/:id', access: 'authenticated', summary: '帮扶申请详情 / one application', params: idParams, visible: application, handler: ({ req, params }) => applications.get(userOf(req), params.id) });
  route(app, { method: 'POST', url: '/api/hardship/applications/:id/review', access: 'hardship.manage', summary: '委员审核：建议金额或不予帮扶 / review', params: idParams, visible: application, body: applicationReviewInput, handler: ({ req, params, body }) => applications.review(userOf(req), params.id, body, langOf(req)) });
  route(app, { method: 'POST', url: '/api/hardship/applications/:id/approve', access: 'hardship.approve', summary: '主席审批（可调低，不得超标准）/ approve', params: idParams, visible: application, body: applicationApproveInput, handler: ({ req, params, body }) => applications.approve(userOf(req), params.id, body, langOf(req)) });
  route(app, { method: 'POST', url: '/api/hardship/applications/:id/pay', access: 'hardship.manage', summary: '登记发放（同时记入工会经费）/ record the payment', params: idParams, visible: application, body: paymentInput, handler: ({ req, params, body }) => applications.pay(userOf(req), params.id, body, langOf(req)) });

  route(app, { method: 'GET', url: '/api/hardship/campaigns', access: 'hardship.manage', summary: '送温暖活动（公历年度；不指定年度时为本年及已计划的）/ campaigns of a year, or this year’s and those planned', query: yearQuery, handler: async ({ req, query }) => campaigns.list(userOf(req), query.year ? { year: query.year } : { fromYear: await s.hardship.thisYear(userOf(req)) }) });
  route(app, { method: 'POST', url: '/api/hardship/campaigns', access: 'hardship.manage', summary: '制定送温暖名单 / plan a campaign', body: campaignInput, created: true, handler: ({ req, body }) => campaigns.create(userOf(req), body, langOf(req)) });
  route(app, { method: 'GET', url: '/api/hardship/campaigns/:id', access: 'hardship.manage', summary: '送温暖活动详情 / one campaign', params: idParams, visible: campaign, handler: ({ req, params }) => campaigns.get(userOf(req), params.id, langOf(req)) });
  route(app, { method: 'POST', url: '/api/hardship/campaigns/:id/items/:itemId/visit', access: 'hardship.manage', summary: '登记走访 / mark visited', params: campaignItemParams, visible: campaign, body: campaignVisitInput, handler: ({ req, params, body }) => campaigns.visit(userOf(req), params.id, params.itemId, body.date, langOf(req)) });
  route(app, { method: 'POST', url: '/api/hardship/campaigns/:id/items/:itemId/pay', access: 'hardship.manage', summary: '登记发放（核对标准，记入经费）/ pay one person', params: campaignItemParams, visible: campaign, body: campaignPayInput, handler: ({ req, params, body }) => campaigns.pay(userOf(req), params.id, params.itemId, body.date, langOf(req)) });
  route(app, { method: 'POST', url: '/api/hardship/campaigns/:id/pay-all', access: 'hardship.manage', summary: '全部发放：为未发放且不超标准的每人登记发放（一次完成，超标准者列出）/ pay everyone the caps allow', params: idParams, visible: campaign, body: campaignPayInput, handler: ({ req, params, body }) => campaigns.payAll(userOf(req), params.id, body.date, langOf(req)) });
  route(app, {
    method: 'GET',
    url: '/api/hardship/campaigns/:id/receipt',
    access: 'hardship.manage',
    summary: '送温暖签收单 PDF（A4）/ the sign-off sheet',
    params: idParams,
    visible: campaign,
    handler: async ({ req, reply, params }) => {
      const { buffer, filename } = await campaigns.receipt(userOf(req), params.id);
      return sendDownload(reply, buffer, filename, PDF_TYPE);
    },
  });
}
