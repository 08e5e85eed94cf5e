import type { FastifyInstance } from 'fastify';
import { notificationListQuery } from '../../../common/notifications';
import { idParams, route, userOf } from '../../plugins/route';
import type { Services } from '../../services';

// Everyone's own inbox: each route reads or changes only the caller's notifications.
export function notificationRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/notifications',
    access: 'authenticated',
    summary: '我的通知（unread=1 只看未读）/ my notifications',
    query: notificationListQuery,
    handler: ({ req, query }) => s.notifications.list(userOf(req), query),
  });

  route(app, {
    method: 'GET',
    url: '/api/notifications/unread',
    access: 'authenticated',
    summary: '未读通知数（铃铛轮询）/ unread count, for the bell',
    handler: ({ req }) => s.notifications.unread(userOf(req)),
  });

  route(app, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    access: 'authenticated',
    summary: '标为已读 / mark one read',
    params: idParams,
    handler: ({ req, params }) => s.notifications.markRead(userOf(req), params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/notifications/read-all',
    access: 'authenticated',
    summary: '全部标为已读 / mark all read',
    handler: ({ req }) => s.notifications.markAllRead(userOf(req)),
  });
}
