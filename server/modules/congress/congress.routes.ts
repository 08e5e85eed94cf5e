import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  agendaInput, attendanceInput, ballotInput, bulkAttendanceInput, bulkStatusOf, checkinInput, delegateInput, extraSessionRequestInput, guestInput, guestPatch,
  sessionInput, sessionPatch, termInput, termPatch, voteInput, votePatch,
} from '../../../common/congress';
import { proposalListQuery } from '../../../common/proposals';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';
import { actorOf } from '../audit/audit.repo';
import { streamSession } from './congress.stream';
import { attendanceXlsx, sessionRecordDocx } from './congress.record';
import { sendDocx } from '../../lib/docx';
import { sendXlsx } from '../../lib/xlsx';

const termMemberParams = z.object({ id: z.string().min(1).max(64), memberId: z.string().min(1).max(64) });
const sessionGuestParams = z.object({ id: z.string().min(1).max(64), guestId: z.string().min(1).max(64) });
const termDelegationParams = z.object({ id: z.string().min(1).max(64), delegationId: z.string().min(1).max(64) });
const sessionListQuery = z.object({ termId: z.string().max(64).optional() });

export function congressRoutes(app: FastifyInstance, s: Services): void {
  const c = s.congress;
  const org = (req: Parameters<typeof userOf>[0]) => userOf(req).org.id;
  const actor = (req: Parameters<typeof userOf>[0]) => actorOf(userOf(req));

  // Terms and delegates
  route(app, { method: 'GET', url: '/api/congress/terms', access: 'congress.read', summary: '教代会届次 / terms', handler: ({ req }) => c.terms.list(org(req)) });
  route(app, { method: 'POST', url: '/api/congress/terms', access: 'congress.manage', summary: '新建届次 / create a term', body: termInput, created: true, handler: ({ req, body }) => c.terms.create(actor(req), body) });
  route(app, { method: 'GET', url: '/api/congress/terms/:id', access: 'congress.read', summary: '届次详情：代表、代表团、构成 / term detail', params: idParams, handler: ({ req, params }) => c.terms.detail(org(req), params.id) });
  route(app, {
    method: 'PATCH', url: '/api/congress/terms/:id', access: 'congress.manage', summary: '修改届次名称或日期 / edit a term', params: idParams, body: termPatch,
    handler: ({ req, params, body }) => c.terms.update(actor(req), params.id, body),
  });
  route(app, {
    method: 'DELETE', url: '/api/congress/terms/:id', access: 'congress.manage', summary: '删除届次（无任何记录时）/ delete an empty term', params: idParams,
    handler: ({ req, params }) => c.terms.remove(actor(req), params.id),
  });
  route(app, {
    method: 'POST', url: '/api/congress/terms/:id/delegates', access: 'congress.manage', summary: '增加代表 / add a delegate', params: idParams, body: delegateInput, created: true,
    handler: ({ req, params, body }) => c.terms.addDelegate(actor(req), params.id, body),
  });
  route(app, {
    method: 'DELETE', url: '/api/congress/terms/:id/delegates/:memberId', access: 'congress.manage', summary: '移除代表 / remove a delegate', params: termMemberParams,
    handler: ({ req, params }) => c.terms.removeDelegate(actor(req), params.id, params.memberId),
  });
  route(app, {
    method: 'PATCH', url: '/api/congress/terms/:id/delegations/:delegationId', access: 'congress.manage', summary: '设置代表团团长 / set a delegation head',
    params: termDelegationParams, body: z.object({ headMemberId: z.string().max(64).nullable() }),
    handler: ({ req, params, body }) => c.terms.setDelegationHead(actor(req), params.id, params.delegationId, body.headMemberId),
  });

  // 临时会议提议: one third of delegates may call an extra session
  route(app, { method: 'GET', url: '/api/congress/terms/:id/requests', access: 'congress.read', summary: '临时会议提议 / extra-session requests', params: idParams, handler: ({ req, params }) => c.requests.list(org(req), params.id, userOf(req).memberId) });
  route(app, {
    method: 'POST', url: '/api/congress/terms/:id/requests', access: 'congress.read', summary: '代表提议召开临时会议 / a delegate requests an extra session', params: idParams, body: extraSessionRequestInput, created: true,
    handler: ({ req, params, body }) => c.requests.create(actor(req), userOf(req).memberId, params.id, body.reason),
  });
  route(app, {
    method: 'POST', url: '/api/congress/requests/:id/sign', access: 'congress.read', summary: '联名签署临时会议提议 / co-sign a request', params: idParams,
    handler: ({ req, params }) => c.requests.sign(actor(req), userOf(req).memberId, params.id),
  });

  // Sessions, agenda, guests, attendance
  route(app, { method: 'GET', url: '/api/congress/sessions', access: 'congress.read', summary: '会议列表 / sessions', query: sessionListQuery, handler: ({ req, query }) => c.sessions.list(org(req), query.termId) });
  route(app, { method: 'POST', url: '/api/congress/sessions', access: 'congress.manage', summary: '新建会议 / create a session', body: sessionInput, created: true, handler: ({ req, body }) => c.sessions.create(actor(req), body) });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id', access: 'congress.read', summary: '会议详情 / session detail', params: idParams, handler: ({ req, params }) => c.sessions.detail(org(req), params.id) });
  route(app, {
    method: 'PATCH', url: '/api/congress/sessions/:id', access: 'congress.manage', summary: '修改会议名称、日期、地点 / edit a session', params: idParams, body: sessionPatch,
    handler: ({ req, params, body }) => c.sessions.update(actor(req), params.id, body),
  });
  route(app, {
    method: 'DELETE', url: '/api/congress/sessions/:id', access: 'congress.manage', summary: '删除会议（无任何记录时）/ delete an empty session', params: idParams,
    handler: ({ req, params }) => c.sessions.remove(actor(req), params.id),
  });
  route(app, {
    method: 'PUT', url: '/api/congress/sessions/:id/agenda', access: 'congress.manage', summary: '设置议程 / set the agenda', params: idParams, body: agendaInput,
    handler: ({ req, params, body }) => c.sessions.setAgenda(actor(req), params.id, body.items),
  });
  route(app, {
    method: 'POST', url: '/api/congress/sessions/:id/guests', access: 'congress.manage', summary: '增加列席人员 / add a guest', params: idParams, body: guestInput, created: true,
    handler: ({ req, params, body }) => c.sessions.addGuest(actor(req), params.id, body),
  });
  route(app, {
    method: 'PATCH', url: '/api/congress/sessions/:id/guests/:guestId', access: 'congress.manage', summary: '修改列席人员 / edit a guest', params: sessionGuestParams, body: guestPatch,
    handler: ({ req, params, body }) => c.sessions.updateGuest(actor(req), params.id, params.guestId, body),
  });
  route(app, {
    method: 'DELETE', url: '/api/congress/sessions/:id/guests/:guestId', access: 'congress.manage', summary: '移除列席人员 / remove a guest', params: sessionGuestParams,
    handler: ({ req, params }) => c.sessions.removeGuest(actor(req), params.id, params.guestId),
  });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/attendance', access: 'congress.manage', summary: '签到名单 / attendance list', params: idParams, handler: ({ req, params }) => c.sessions.attendanceList(org(req), params.id) });
  route(app, {
    method: 'POST', url: '/api/congress/sessions/:id/attendance', access: 'congress.manage', summary: '标记代表出席 / mark a delegate present', params: idParams, body: attendanceInput,
    handler: ({ req, params, body }) => c.sessions.setAttendance(actor(req), params.id, body.memberId, body.present, body.leave),
  });
  route(app, {
    method: 'POST', url: '/api/congress/sessions/:id/attendance/bulk', access: 'congress.manage', summary: '批量标记出席、缺席或请假 / mark many present, absent or on leave', params: idParams, body: bulkAttendanceInput,
    handler: ({ req, params, body }) => c.sessions.bulkAttendance(actor(req), params.id, body.memberIds, bulkStatusOf(body)),
  });
  route(app, {
    method: 'POST', url: '/api/congress/sessions/:id/checkin', access: 'congress.read', summary: '代表扫码签到 / delegate checks in', params: idParams, body: checkinInput,
    handler: ({ req, params, body }) => c.sessions.checkin(actor(req), userOf(req).memberId, params.id, body.code),
  });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/checkin-code', access: 'congress.manage', summary: '签到二维码内容 / check-in code for the QR', params: idParams, handler: async ({ req, params }) => ({ code: await c.sessions.checkinCode(org(req), params.id) }) });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/quorum', access: 'congress.read', summary: '法定人数 / quorum', params: idParams, handler: ({ req, params }) => c.sessions.quorum(org(req), params.id) });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/live', access: 'congress.read', summary: '大屏实时数据（SSE）/ live projector stream', params: idParams, handler: ({ req, reply, params }) => streamSession(c, org(req), params.id, req, reply) });
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/mine', access: 'congress.read', summary: '我在本次会议的签到与表决 / my check-in and votes', params: idParams, handler: ({ req, params }) => c.mine(org(req), userOf(req).memberId, params.id) });

  route(app, {
    method: 'GET', url: '/api/congress/sessions/:id/record.docx', access: 'congress.read', summary: '会议记录 .docx / session record', params: idParams,
    handler: async ({ req, reply, params }) => {
      await c.sessions.session(org(req), params.id); // another school's session is 404 before anything else
      const figures = (await s.proposals.stats(userOf(req), { sessionId: params.id })).total;
      // Submitted ones only, as far as the caller may see them (the committee sees all).
      const listed = await s.proposals.list(userOf(req), proposalListQuery.parse({ sessionId: params.id, pageSize: 200 }));
      const proposals = listed.items.filter((p) => p.state !== 'draft');
      const { buffer, filename } = await sessionRecordDocx(c, s.orgs, org(req), params.id, figures, proposals);
      return sendDocx(reply, buffer, filename);
    },
  });
  route(app, {
    method: 'GET', url: '/api/congress/sessions/:id/attendance.xlsx', access: 'congress.manage', summary: '签到表 .xlsx / attendance list', params: idParams,
    handler: async ({ req, reply, params }) => {
      const { buffer, filename } = await attendanceXlsx(c, org(req), params.id);
      return sendXlsx(reply, buffer, filename);
    },
  });

  // Votes
  route(app, { method: 'GET', url: '/api/congress/sessions/:id/votes', access: 'congress.read', summary: '表决列表 / votes of a session', params: idParams, handler: ({ req, params }) => c.votes.listForSession(org(req), params.id) });
  route(app, {
    method: 'POST', url: '/api/congress/sessions/:id/votes', access: 'congress.manage', summary: '新建表决或选举 / create a vote', params: idParams, body: voteInput, created: true,
    handler: ({ req, params, body }) => c.votes.create(actor(req), params.id, body),
  });
  route(app, { method: 'GET', url: '/api/congress/votes/:id', access: 'congress.read', summary: '表决详情 / a vote', params: idParams, handler: ({ req, params }) => c.votes.get(org(req), params.id) });
  route(app, {
    method: 'PATCH', url: '/api/congress/votes/:id', access: 'congress.manage', summary: '修改未开始的表决 / edit a draft vote', params: idParams, body: votePatch,
    handler: ({ req, params, body }) => c.votes.update(actor(req), params.id, body),
  });
  route(app, {
    method: 'DELETE', url: '/api/congress/votes/:id', access: 'congress.manage', summary: '删除未开始的表决 / delete a draft vote', params: idParams,
    handler: ({ req, params }) => c.votes.remove(actor(req), params.id),
  });
  route(app, { method: 'POST', url: '/api/congress/votes/:id/open', access: 'congress.manage', summary: '开始表决（须达法定人数）/ open a vote', params: idParams, handler: ({ req, params }) => c.votes.open(actor(req), params.id) });
  route(app, {
    method: 'POST', url: '/api/congress/votes/:id/ballots', access: 'congress.read', summary: '代表投票 / cast a ballot', params: idParams, body: ballotInput, created: true,
    handler: ({ req, params, body }) => c.votes.cast(actor(req), userOf(req).memberId, params.id, body),
  });
  route(app, { method: 'POST', url: '/api/congress/votes/:id/close', access: 'congress.manage', summary: '结束表决并计票 / close and count', params: idParams, handler: ({ req, params }) => c.votes.close(actor(req), params.id) });
}
