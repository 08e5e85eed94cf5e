import { z } from 'zod';
import type { Permission, Role } from './permissions';

export const USERNAME_RE = /^[A-Za-z0-9._-]{3,40}$/;
export const username = z.string().trim().regex(USERNAME_RE, { message: 'err.username' });
/** At least 8 characters with a letter and a digit: strong enough for a school, easy on a phone. */
export const password = z
  .string()
  .min(8, { message: 'err.password' })
  .max(128, { message: 'err.password' })
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), { message: 'err.password' });

export const loginInput = z.object({
  username: z.string().trim().min(1, { message: 'err.required' }).max(40, { message: 'err.too_long' }),
  password: z.string().min(1, { message: 'err.required' }).max(128, { message: 'err.too_long' }),
});
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, { message: 'err.required' }).max(128),
  newPassword: password,
});

export interface SessionUser {
  id: string;
  username: string;
  roles: Role[];
  permissions: Permission[];
  mustChangePassword: boolean;
  memberId: string | null;
  displayName: string;
  /** The organisation; `timeZone` is its setting, so that "today" is the school's on every device. */
  org: { id: string; name: string; kind: 'school' | 'union'; timeZone: string };
}
export interface LoginResult {
  user: SessionUser;
  csrfToken: string;
}

export const setupInput = z.object({
  token: z.string().min(10).max(200),
  orgName: z.string().trim().min(2, { message: 'err.required' }).max(80, { message: 'err.too_long' }),
  username,
  password,
});
