import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { UserAccount, userCreateInput, userUpdateInput } from '../../../common/users';
import { api } from '../../app/api';
import { MEMBERS_KEY } from '../members/api';

const USERS_KEY = ['/api/users'] as const;

export function useRefreshAccounts() {
  const qc = useQueryClient();
  // Accounts show on member records too (hasAccount), so both lists go stale.
  return () => Promise.all([qc.invalidateQueries({ queryKey: USERS_KEY }), qc.invalidateQueries({ queryKey: MEMBERS_KEY })]);
}

export function useCreateUser() {
  const refresh = useRefreshAccounts();
  return useMutation({
    mutationFn: (input: z.input<typeof userCreateInput>) => api<UserAccount>('/api/users', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshAccounts();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof userUpdateInput> & { id: string }) =>
      api<UserAccount>(`/api/users/${id}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  const refresh = useRefreshAccounts();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api<UserAccount>(`/api/users/${id}/reset-password`, { method: 'POST', body: { password } }),
    onSuccess: refresh,
  });
}

/** A readable initial password (no 0/O, 1/l/I) that satisfies common/auth `password`. */
export function generatePassword(length = 10): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(bytes, (b) => all[b % all.length]);
  chars[0] = letters[bytes[0] % letters.length];
  chars[length - 1] = digits[bytes[length - 1] % digits.length];
  return chars.join('');
}
