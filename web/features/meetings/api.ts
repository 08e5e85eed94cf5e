import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingStats, MeetingType } from '../../../common/meetings';
import { api } from '../../app/api';

// Keys follow the API paths: a write refreshes everything under /api/meetings and /api/meeting-types.
const touched = (key: readonly unknown[]) => /^\/api\/meeting/.test(String(key[0]));

export const useMeeting = (id: string) => useQuery({ queryKey: ['/api/meetings', id], queryFn: () => api<Meeting>(`/api/meetings/${id}`), enabled: !!id });
export const useTypes = () => useQuery({ queryKey: ['/api/meeting-types'], queryFn: () => api<MeetingType[]>('/api/meeting-types') });
export const useFigures = (schoolYear?: number, enabled = true) =>
  useQuery({ queryKey: ['/api/meetings/figures', schoolYear ?? 'current'], queryFn: () => api<MeetingStats>('/api/meetings/figures', { query: { schoolYear } }), enabled });

/** A write under /api/meetings or /api/meeting-types; everything of meetings is refetched after it. */
export function useMeetingWrite<B, R = unknown>(path: string | ((b: B) => string), method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST', meta?: { inlineError?: boolean }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(typeof path === 'string' ? path : path(body), { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => touched(q.queryKey) }),
    meta,
  });
}

/** The 学年 a date falls in (September to August), named by the year it starts. */
export const schoolYearOf = (date: string) => Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0);
