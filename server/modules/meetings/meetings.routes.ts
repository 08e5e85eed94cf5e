import type { FastifyInstance } from 'fastify';
import {
  figuresQuery,
  meetingInput,
  meetingListQuery,
  meetingTypeInput,
  meetingTypePatch,
  opinionInput,
  opinionParams,
  opinionToCase,
  opinionToProposal,
  opinionToSuggestion,
} from '../../../common/meetings';
import { sendDocx } from '../../lib/docx';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// 会议与座谈会. meetings.read (the chair, the committee) reads every meeting; meetings.manage records
// them; an attendee with a member account reads the meetings they attended (the service checks, and
// answers 404 to anyone else, so reading routes only ask for a sign-in).
export function meetingRoutes(app: FastifyInstance, s: Services): void {
  const x = s.meetings;
  const visible = (user: Parameters<typeof x.assertVisible>[0], p: Record<string, string>) => x.assertVisible(user, p.id);

  route(app, { method: 'GET', url: '/api/meeting-types', access: 'authenticated', summary: '会议类型 / meeting types', handler: ({ req }) => x.types(userOf(req)) });
  route(app, { method: 'POST', url: '/api/meeting-types', access: 'meetings.manage', summary: '新增会议类型 / add a type', body: meetingTypeInput, created: true, handler: ({ req, body }) => x.addType(userOf(req), body.name) });
  route(app, {
    method: 'PATCH',
    url: '/api/meeting-types/:id',
    access: 'meetings.manage',
    summary: '改名或停用会议类型 / rename or retire a type',
    params: idParams,
    body: meetingTypePatch,
    handler: ({ req, params, body }) => x.updateType(userOf(req), params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/meeting-types/:id',
    access: 'meetings.manage',
    summary: '删除未使用的会议类型（已使用 409）/ delete an unused type',
    params: idParams,
    handler: ({ req, params }) => x.removeType(userOf(req), params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/meetings',
    access: 'authenticated',
    summary: '学年会议列表（参会人只见自己参加的）/ meetings of a school year',
    query: meetingListQuery,
    handler: ({ req, query }) => x.list(userOf(req), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/meetings/mine',
    access: 'authenticated',
    summary: '我参加的会议 / the meetings I attended',
    query: meetingListQuery,
    handler: ({ req, query }) => x.list(userOf(req), query, true),
  });
  route(app, {
    method: 'GET',
    url: '/api/meetings/figures',
    access: 'meetings.read',
    summary: '学年会议统计（按类型）/ figures per type',
    query: figuresQuery,
    handler: ({ req, query }) => x.stats(userOf(req), query.schoolYear),
  });
  route(app, { method: 'POST', url: '/api/meetings', access: 'meetings.manage', summary: '记录会议 / record a meeting', body: meetingInput, created: true, handler: ({ req, body }) => x.create(userOf(req), body) });
  route(app, { method: 'GET', url: '/api/meetings/:id', access: 'authenticated', summary: '会议详情 / one meeting', params: idParams, visible, handler: ({ req, params }) => x.get(userOf(req), params.id) });
  route(app, {
    method: 'PUT',
    url: '/api/meetings/:id',
    access: 'meetings.manage',
    summary: '修改会议（整体替换）/ update a meeting',
    params: idParams,
    visible,
    body: meetingInput,
    handler: ({ req, params, body }) => x.update(userOf(req), params.id, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/meetings/:id',
    access: 'meetings.manage',
    summary: '删除会议（已有意见转交 409）/ delete a meeting',
    params: idParams,
    visible,
    handler: ({ req, params }) => x.remove(userOf(req), params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/meetings/:id/minutes.docx',
    access: 'authenticated',
    summary: '会议纪要 Word / the minutes as .docx',
    params: idParams,
    visible,
    handler: async ({ req, reply, params }) => {
      const { buffer, filename } = await x.minutes(userOf(req), params.id);
      return sendDocx(reply, buffer, filename);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/meetings/:id/opinions',
    access: 'meetings.manage',
    summary: '记录会上提出的意见 / record an opinion',
    params: idParams,
    visible,
    body: opinionInput,
    created: true,
    handler: ({ req, params, body }) => x.addOpinion(userOf(req), params.id, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/meetings/:id/opinions/:opinionId',
    access: 'meetings.manage',
    summary: '修改意见（转交后 409）/ edit an opinion',
    params: opinionParams,
    visible,
    body: opinionInput,
    handler: ({ req, params, body }) => x.updateOpinion(userOf(req), params.id, params.opinionId, body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/meetings/:id/opinions/:opinionId',
    access: 'meetings.manage',
    summary: '删除意见（转交后 409）/ delete an opinion',
    params: opinionParams,
    visible,
    handler: ({ req, params }) => x.removeOpinion(userOf(req), params.id, params.opinionId),
  });
  route(app, {
    method: 'POST',
    url: '/api/meetings/:id/opinions/:opinionId/suggestion',
    access: 'meetings.manage',
    summary: '意见转意见箱（以工会名义）/ pass an opinion to the suggestion box',
    params: opinionParams,
    visible,
    body: opinionToSuggestion,
    handler: ({ req, params, body }) => x.toSuggestion(userOf(req), params.id, params.opinionId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/meetings/:id/opinions/:opinionId/proposal',
    access: 'meetings.manage',
    summary: '意见转提案草稿（交一位代表作提案人）/ turn an opinion into a proposal draft',
    params: opinionParams,
    visible,
    body: opinionToProposal,
    handler: ({ req, params, body }) => x.toProposal(userOf(req), params.id, params.opinionId, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/meetings/:id/opinions/:opinionId/case',
    access: 'meetings.manage',
    summary: '意见转权益诉求（为提出意见的会员）/ turn an opinion into a rights case',
    params: opinionParams,
    visible,
    body: opinionToCase,
    handler: ({ req, params, body }) => x.toCase(userOf(req), params.id, params.opinionId, body),
  });
}
