import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import { api } from '../../app/api';
import type { AttendanceRow, ExtraSessionRequest, LiveQuorum, LiveSnapshot, Mine, SessionDetail, SessionSummary, TermDetail, TermSummary, Vote } from './types';

// Keys follow the API paths, so invalidating a session's key refreshes everything under it
// (detail, attendance, mine, live) while the session lists stay keyed by their filter object.
export const TERMS_KEY = ['/api/congress/terms'] as const;
export const SESSIONS_KEY = ['/api/congress/sessions'] as const;
export const termKey = (id: string) => [...TERMS_KEY, id] as const;
export const sessionKey = (id: string) => [...SESSIONS_KEY, id] as const;
export const liveKey = (id: string) => [...sessionKey(id), 'live'] as const;
export const mineKey = (id: string) => [...sessionKey(id), 'mine'] as const;
export const attendanceKey = (id: string) => [...sessionKey(id), 'attendance'] as const;

export function useTerms() {
  return useQuery({ queryKey: TERMS_KEY, queryFn: () => api<Page<TermSummary>>('/api/congress/terms') });
}

export function useTerm(id: string | undefined) {
  return useQuery({ queryKey: termKey(id ?? ''), queryFn: () => api<TermDetail>(`/api/congress/terms/${id}`), enabled: !!id });
}

export const requestsKey = (termId: string) => [...termKey(termId), 'requests'] as const;
export function useRequests(termId: string) {
  return useQuery({ queryKey: requestsKey(termId), queryFn: () => api<ExtraSessionRequest[]>(`/api/congress/terms/${termId}/requests`) });
}

export function useSessions(termId: string | undefined) {
  return useQuery({
    queryKey: [...SESSIONS_KEY, { termId }],
    queryFn: () => api<Page<SessionSummary>>('/api/congress/sessions', { query: { termId } }),
    enabled: !!termId,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: sessionKey(id ?? ''), queryFn: () => api<SessionDetail>(`/api/congress/sessions/${id}`), enabled: !!id });
}

export function useAttendance(id: string) {
  return useQuery({ queryKey: attendanceKey(id), queryFn: () => api<AttendanceRow[]>(`/api/congress/sessions/${id}/attendance`) });
}

/** `poll` (ms) keeps a page without the live stream current, e.g. the home card on the day. */
export function useMine(id: string | undefined, poll?: number) {
  return useQuery({ queryKey: mineKey(id ?? ''), queryFn: () => api<Mine>(`/api/congress/sessions/${id}/mine`), enabled: !!id, refetchInterval: poll });
}

/** The secret in the projector's QR; it does not change during a session. */
export function useCheckinCode(id: string) {
  return useQuery({
    queryKey: [...sessionKey(id), 'checkin-code'],
    queryFn: () => api<{ code: string }>(`/api/congress/sessions/${id}/checkin-code`),
    staleTime: Infinity,
  });
}

/** The same snapshot the live stream sends, read over plain GETs: the first paint, and the fallback. */
export async function fetchSnapshot(id: string): Promise<LiveSnapshot> {
  const [quorum, votes] = await Promise.all([
    api<LiveQuorum>(`/api/congress/sessions/${id}/quorum`),
    api<Vote[]>(`/api/congress/sessions/${id}/votes`),
  ]);
  return { quorum, votes };
}
