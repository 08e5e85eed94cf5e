import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberInput } from '../../../common/members';
import { api } from '../../app/api';
import { GROUPS_KEY } from '../groups/api';

export const MEMBERS_KEY = ['/api/members'] as const;

export function useMember(id: string | undefined) {
  return useQuery({ queryKey: [...MEMBERS_KEY, id], queryFn: () => api<Member>(`/api/members/${id}`), enabled: !!id });
}

/** Every member write can change lists, details and group counts: refresh them all. */
export function useInvalidateMembers() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: MEMBERS_KEY }), qc.invalidateQueries({ queryKey: GROUPS_KEY })]);
}

export function useSaveMember(id: string | undefined) {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (input: MemberInput) =>
      id ? api<Member>(`/api/members/${id}`, { method: 'PATCH', body: input }) : api<Member>('/api/members', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({ mutationFn: (id: string) => api<void>(`/api/members/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

export function useRestoreMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({ mutationFn: (id: string) => api<Member>(`/api/members/${id}/restore`, { method: 'POST' }), onSuccess: invalidate });
}
