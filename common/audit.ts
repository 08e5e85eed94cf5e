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
  /** The record's name when it was written (a member's 姓名, a username…), so history reads on its own. */
  label: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  create: { zh: '新增', en: 'Created' },
  update: { zh: '修改', en: 'Updated' },
  delete: { zh: '删除', en: 'Deleted' },
  restore: { zh: '恢复', en: 'Restored' },
  import: { zh: '导入名册', en: 'Imported roster' },
  import_create: { zh: '导入新增', en: 'Created by import' },
  import_update: { zh: '导入更新', en: 'Updated by import' },
  login: { zh: '登录', en: 'Signed in' },
  change_password: { zh: '修改密码', en: 'Changed password' },
  reset_password: { zh: '重置密码', en: 'Reset password' },
  create_child: { zh: '新建下级单位', en: 'Added an organisation' },
};

export const AUDIT_ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  member: { zh: '会员', en: 'Member' },
  group: { zh: '工会小组', en: 'Group' },
  user: { zh: '账号', en: 'Account' },
  org: { zh: '单位', en: 'Organisation' },
  session: { zh: '登录', en: 'Sign-in' },
};
