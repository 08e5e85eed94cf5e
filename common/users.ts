import { z } from 'zod';
import { ROLES, type Role } from './permissions';
import { password, username } from './auth';

export const roleList = z.array(z.enum(ROLES, { message: 'err.enum' })).min(1, { message: 'err.roles' }).max(ROLES.length);

export const userCreateInput = z.object({
  username,
  password,
  memberId: z.string().max(64).nullable().optional(),
  roles: roleList,
  mustChangePassword: z.boolean().default(true),
});
export const userUpdateInput = z.object({
  roles: roleList.optional(),
  disabled: z.boolean().optional(),
  memberId: z.string().max(64).nullable().optional(),
});
export const passwordResetInput = z.object({ password });
export const bulkAccountsInput = z.object({
  memberIds: z.array(z.string().max(64)).min(1, { message: 'err.required' }).max(5000),
  roles: roleList,
});
export const userListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  role: z.enum(ROLES, { message: 'err.enum' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export interface UserAccount {
  id: string;
  username: string;
  roles: Role[];
  memberId: string | null;
  memberName: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
