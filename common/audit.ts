import { z } from 'zod';
import { isoDate } from './members';

export const auditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  member: { zh: '会员', en: 'Member' },
  group: { zh: '工会小组', en: 'Group' },
  user: { zh: '账号', en: 'Account' },
  org: { zh: '单位', en: 'Organisation' },
  session: { zh: '登录', en: 'Sign-in' },
};
