import type { FastifyInstance } from 'fastify';
import { careBatchInput, careListQuery, careRecordInput, careRecordPatch, careVoidInput, careYearQuery } from '../../../common/care';
import { sendDownload } from '../../lib/download';
import { PDF_TYPE } from '../../lib/pdf';
import { langOf } from '../../plugins/lang';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 慰问. care.read: the chair, the committee and the fund auditor; care.write: the chair and the
// committee (only the chair may pass a cap, and only where the school allows it: the service checks).
// Refusals name the cap in the caller's language, so the service gets it.
export function careRoutes(app: FastifyInstance, s: Services): void {
  const x = s.care;
  route(app, {
    method: 'GET',
    url: '/api/care/records',
    access: 'care.read',
    summary: '慰问记录 / care records',
    query: careListQuery,
    handler: ({ req, query }) => x.list(userOf(req), query),
  });
  route(app, {
    method: 'POST',
    url: '/api/care/records',
    access: 'care.write',
    summary: '登记慰问（超标准 422 cap_exceeded）/ record a care payment',
    body: careRecordInput,
    created: true,
    handler: ({ req, body }) => x.record(userOf(req), body, langOf(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/records/:id',
    access: 'care.read',
    summary: '慰问记录详情 / one care record',
    params: idParams,
    handler: ({ req, params }) => x.get(userOf(req), params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/care/records/:id',
    access: 'care.write',
    summary: '出院日期、慰问人、备注 / discharge date, visitors, notes',
    params: idParams,
    body: careRecordPatch,
    handler: ({ req, params, body }) => x.update(userOf(req), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/care/records/:id/void',
    access: 'care.write',
    summary: '作废慰问记录（冲回经费）/ void a record',
    params: idParams,
    body: careVoidInput,
    handler: ({ req, params, body }) => x.void(userOf(req), params.id, body.reason),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/members/:id/standing',
    access: 'care.read',
    summary: '会员本年度慰问与上限 / a member’s year against the caps',
    params: idParams,
    query: careYearQuery,
    handler: ({ req, params, query }) => x.standing(userOf(req), params.id, query.year),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/mine',
    access: 'authenticated',
    summary: '我的慰问记录 / my own care records',
    handler: ({ req }) => x.mine(userOf(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/reminders',
    access: 'care.read',
    summary: '工作台提醒：本月生日、住院、节前未慰问的退休教职工 / reminders',
    handler: ({ req }) => x.reminders(userOf(req)),
  });
  route(app, {
    method: 'POST',
    url: '/api/care/batches/preview',
    access: 'care.write',
    summary: '节日慰问预览：逐人核对上限，不写入 / preview a festival batch',
    body: careBatchInput,
    handler: ({ req, body }) => x.preview(userOf(req), body, langOf(req)),
  });
  route(app, {
    method: 'POST',
    url: '/api/care/batches',
    access: 'care.write',
    summary: '节日慰问登记（全部或全不）/ record a festival batch',
    body: careBatchInput,
    created: true,
    handler: ({ req, body }) => x.createBatch(userOf(req), body, langOf(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/batches',
    access: 'care.read',
    summary: '节日慰问批次（公历年度）/ festival batches of a year',
    query: careYearQuery,
    handler: ({ req, query }) => x.batches(userOf(req), query.year),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/batches/:id',
    access: 'care.read',
    summary: '节日慰问批次 / one batch',
    params: idParams,
    handler: ({ req, params }) => x.batch(userOf(req), params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/care/batches/:id/receipt',
    access: 'care.read',
    summary: '签收单 PDF（A4）/ the sign-off sheet',
    params: idParams,
    handler: async ({ req, reply, params }) => {
      const { buffer, filename } = await x.receipt(userOf(req), params.id);
      return sendDownload(reply, buffer, filename, PDF_TYPE);
    },
  });
}
