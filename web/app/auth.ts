import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../common/auth';
import type { Permission } from '../../common/permissions';
import { api, fetchMe, forgetSession, ME_KEY } from './api';

export const meQuery = queryOptions({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });

/** The signed-in user (null when signed out); loaded once, then updated by login/logout answers. */
export function useMe() {
  return useQuery(meQuery);
}

/** For pages behind RequireAuth, where the user is known to exist. */
export function useUser(): SessionUser {
  const { data } = useMe();
  if (!data) throw new Error('useUser outside RequireAuth');
  return data;
}

export function useCan(): (p: Permission) => boolean {
  const { data } = useMe();
  return (p) => !!data?.permissions.includes(p);
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    // Signed out locally either way: a failed logout request must not trap the user in the app.
    onSettled: () => forgetSession(),
  });
}
