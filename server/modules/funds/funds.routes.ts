import type { FastifyInstance } from 'fastify';
import { fundBudgetInput, fundEntryInput, fundEntryListQuery, fundReverseInput, fundYearQuery } from '../../../common/funds';
import { sendXlsx } from '../../lib/xlsx';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 工会经费. funds.read: the committee, the treasurer and the 经费审查 auditor; funds.manage: the chair
// and the treasurer set budgets and enter income and spending by hand.
export function fundRoutes(app: FastifyInstance, s: Services): void {
  const x = s.funds;
  route(app, {
    method: 'GET',
    url: '/api/funds/summary',
    access: 'funds.read',
    summary: '经费概况：收支、结余、预算使用（公历年度）/ the year at a glance',
    query: fundYearQuery,
    handler: ({ req, query }) => x.summary(userOf(req), query.year),
  });
  route(app, {
    method: 'GET',
    url: '/api/funds/entries',
    access: 'funds.read',
    summary: '收支明细 / ledger entries of a year',
    query: fundEntryListQuery,
    handler: ({ req, query }) => x.entries(userOf(req), query),
  });
  route(app, {
    method: 'POST',
    url: '/api/funds/entries',
    access: 'funds.manage',
    summary: '手工记账（凭证号每年唯一）/ an entry by hand with a voucher number',
    body: fundEntryInput,
    created: true,
    handler: ({ req, body }) => x.addEntry(userOf(req), body),
  });
  route(app, {
    method: 'POST',
    url: '/api/funds/entries/:id/reverse',
    access: 'funds.manage',
    summary: '冲销手工账目 / reverse an entry made by hand',
    params: idParams,
    body: fundReverseInput,
    handler: ({ req, params, body }) => x.reverse(userOf(req), params.id, body.reason),
  });
  route(app, {
    method: 'PUT',
    url: '/api/funds/budgets',
    access: 'funds.manage',
    summary: '设置年度预算（分类别）/ set the year’s budget per category',
    body: fundBudgetInput,
    handler: ({ req, body }) => x.setBudget(userOf(req), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/funds/export',
    access: 'funds.read',
    summary: '导出年度收支 .xlsx / export the year’s ledger',
    query: fundYearQuery,
    handler: async ({ req, reply, query }) => {
      const { buffer, filename } = await x.exportYear(userOf(req), query.year);
      return sendXlsx(reply, buffer, filename);
    },
  });
}
