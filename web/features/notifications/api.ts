import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '../../../common/notifications';
import { api } from '../../app/api';

export const NOTIFICATIONS_KEY = ['/api/notifications'] as const;

/** The badge: only the unread count is polled (one indexed count), every minute and on focus. */
export const unreadCountQuery = queryOptions({
  queryKey: [...NOTIFICATIONS_KEY, 'unread'],
  queryFn: () => api<{ unread: number }>('/api/notifications/unread'),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});
export const useUnreadCount = () => useQuery(unreadCountQuery);

/** The latest notifications, read when the panel opens. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => api<NotificationPage>('/api/notifications', { query: { pageSize: 10 } }),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api<void>(id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
