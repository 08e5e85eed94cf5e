import { z } from 'zod';

// In-app notification centre: every capability tells the people concerned about a change here.

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A web path such as `/proposals/ID`, opened when the notification is tapped. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export const notificationListQuery = z.object({
  unread: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export interface NotificationPage {
  items: Notification[];
  total: number;
  /** Unread count of the whole inbox (for the badge), whatever the filter. */
  unread: number;
}
