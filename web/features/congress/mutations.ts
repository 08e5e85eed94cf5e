import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { AttendanceStatus, VoteChoice, VoteKind, VoteResult } from '../../../common/congress';
import { api } from '../../app/api';
import { SESSIONS_KEY, TERMS_KEY, liveKey, mineKey, requestsKey, sessionKey, termKey } from './api';
import type { AgendaItem, ExtraSessionRequest, LiveQuorum, SessionDetail, TermDetail, Vote } from './types';

/** Term writes answer with the whole term: put it straight into the cache. */
function useTermWrite<A>(termId: string, send: (args: A) => Promise<TermDetail | void>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => (detail ? qc.setQueryData(termKey(termId), detail) : qc.invalidateQueries({ queryKey: termKey(termId) })),
  });
}

export function useCreateTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; startDate: string; endDate: string }) => api<TermDetail>('/api/congress/terms', { method: 'POST', body }),
    onSuccess: (t) => {
      qc.setQueryData(termKey(t.id), t);
      return qc.invalidateQueries({ queryKey: TERMS_KEY, exact: true });
    },
  });
}

export type TermValues = { name: string; startDate: string; endDate: string };

export const useUpdateTerm = (termId: string) =>
  useTermWrite(termId, (body: Partial<TermValues>) => api<TermDetail>(`/api/congress/terms/${termId}`, { method: 'PATCH', body }));

/**
 * Deleting a term or a session: refused by the server once anything is recorded in it. The deleted row
 * leaves every cached list at once (so /congress never flashes it), and the lists are only marked stale:
 * refetching now would ask for the deleted page the user is about to leave.
 */
function useDelete(path: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(path, { method: 'DELETE' }),
    onSuccess: () => {
      for (const queryKey of [TERMS_KEY, SESSIONS_KEY]) {
        qc.setQueriesData<Page<{ id: string }>>({ queryKey }, (page) =>
          page && Array.isArray(page.items) ? { ...page, items: page.items.filter((row) => row.id !== id), total: page.total - (page.items.some((row) => row.id === id) ? 1 : 0) } : page,
        );
      }
      return Promise.all([TERMS_KEY, SESSIONS_KEY].map((queryKey) => qc.invalidateQueries({ queryKey, refetchType: 'none' })));
    },
  });
}
export const useDeleteTerm = (termId: string) => useDelete(`/api/congress/terms/${termId}`, termId);
export const useDeleteSession = (sessionId: string) => useDelete(`/api/congress/sessions/${sessionId}`, sessionId);

export function useCreateRequest(termId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api<ExtraSessionRequest>(`/api/congress/terms/${termId}/requests`, { method: 'POST', body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: requestsKey(termId) }),
  });
}

export function useSignRequest(termId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => api<ExtraSessionRequest>(`/api/congress/requests/${requestId}/sign`, { method: 'POST' }),
    onSettled: () => qc.invalidateQueries({ queryKey: requestsKey(termId) }),
  });
}

export const useAddDelegate = (termId: string) =>
  useTermWrite(termId, (body: { memberId: string; delegation?: string; isLeader?: boolean }) =>
    api<TermDetail>(`/api/congress/terms/${termId}/delegates`, { method: 'POST', body }),
  );

export const useRemoveDelegate = (termId: string) =>
  useTermWrite(termId, (memberId: string) => api<void>(`/api/congress/terms/${termId}/delegates/${memberId}`, { method: 'DELETE' }));

export const useSetDelegationHead = (termId: string) =>
  useTermWrite(termId, ({ delegationId, headMemberId }: { delegationId: string; headMemberId: string | null }) =>
    api<TermDetail>(`/api/congress/terms/${termId}/delegations/${delegationId}`, { method: 'PATCH', body: { headMemberId } }),
  );

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { termId: string; name: string; date: string; place?: string }) => api<SessionDetail>('/api/congress/sessions', { method: 'POST', body }),
    onSuccess: (s) => {
      qc.setQueryData(sessionKey(s.id), s);
      return qc.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
}

/** Session writes: refresh the session and everything under it (attendance, live, mine). */
function useSessionWrite<A, R>(sessionId: string, send: (args: A) => Promise<R>, inlineError = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { inlineError },
    // Also after a refusal: an optimistic change on screen must give way to the real state.
    onSettled: () => qc.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}

export type SessionValues = { name: string; date: string; place: string | null };

export function useUpdateSession(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<SessionValues>) => api<SessionDetail>(`/api/congress/sessions/${sessionId}`, { method: 'PATCH', body }),
    // The session lists show name, date and place too: refresh everything under the sessions key.
    onSuccess: () => qc.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export type GuestValues = { name: string; memberId?: string | null; note?: string | null };

export const useUpdateGuest = (sessionId: string) =>
  useSessionWrite(sessionId, ({ guestId, ...body }: GuestValues & { guestId: string }) =>
    api<SessionDetail>(`/api/congress/sessions/${sessionId}/guests/${guestId}`, { method: 'PATCH', body }),
  );

export const useRemoveGuest = (sessionId: string) =>
  useSessionWrite(sessionId, (guestId: string) => api<SessionDetail>(`/api/congress/sessions/${sessionId}/guests/${guestId}`, { method: 'DELETE' }));

export const useSetAgenda = (sessionId: string) =>
  useSessionWrite(sessionId, (items: AgendaItem[]) =>
    api<SessionDetail>(`/api/congress/sessions/${sessionId}/agenda`, {
      method: 'PUT',
      body: { items: items.map(({ kind, title, note }) => ({ kind, title, ...(note ? { note } : {}) })) },
    }),
  );

export const useAddGuest = (sessionId: string) =>
  useSessionWrite(sessionId, (body: { name: string; memberId?: string; note?: string }) =>
    api<SessionDetail>(`/api/congress/sessions/${sessionId}/guests`, { method: 'POST', body }),
  );

export const useSetAttendance = (sessionId: string) =>
  useSessionWrite(sessionId, (body: { memberId: string; present: boolean; leave?: boolean }) =>
    api<LiveQuorum>(`/api/congress/sessions/${sessionId}/attendance`, { method: 'POST', body }),
  );

export const useBulkAttendance = (sessionId: string) =>
  useSessionWrite(sessionId, ({ memberIds, status }: { memberIds: string[]; status: AttendanceStatus }) =>
    api<LiveQuorum>(`/api/congress/sessions/${sessionId}/attendance/bulk`, { method: 'POST', body: { memberIds, status } }),
  );

/** The delegate's own check-in; the page shows a wrong code or "not a delegate" itself. */
export const useCheckin = (sessionId: string) =>
  useSessionWrite(sessionId, (code: string) => api<LiveQuorum>(`/api/congress/sessions/${sessionId}/checkin`, { method: 'POST', body: { code } }), true);

export interface VoteDraft {
  title: string;
  kind: VoteKind;
  secret: boolean;
  seats?: number;
  candidates?: string[];
}

export const useCreateVote = (sessionId: string) =>
  useSessionWrite(sessionId, (body: VoteDraft) => api<Vote>(`/api/congress/sessions/${sessionId}/votes`, { method: 'POST', body }));

/** Only a draft can change; the form shows a refusal (it was opened meanwhile) on its fields or as a toast. */
export const useUpdateVote = (sessionId: string) =>
  useSessionWrite(sessionId, ({ voteId, ...body }: VoteDraft & { voteId: string }) => api<Vote>(`/api/congress/votes/${voteId}`, { method: 'PATCH', body }));

export const useDeleteVote = (sessionId: string) =>
  useSessionWrite(sessionId, (voteId: string) => api<void>(`/api/congress/votes/${voteId}`, { method: 'DELETE' }));

/** Opening is refused without quorum: the card shows the server's message beside the button. */
export const useOpenVote = (sessionId: string) =>
  useSessionWrite(sessionId, (voteId: string) => api<Vote>(`/api/congress/votes/${voteId}/open`, { method: 'POST' }), true);

export const useCloseVote = (sessionId: string) =>
  useSessionWrite(sessionId, (voteId: string) => api<VoteResult>(`/api/congress/votes/${voteId}/close`, { method: 'POST' }), true);

export type Ballot = { choice: VoteChoice } | { candidates: string[] };

export function useCastBallot(sessionId: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: mineKey(sessionId) }), qc.invalidateQueries({ queryKey: liveKey(sessionId) })]);
  return useMutation({
    mutationFn: ({ voteId, ballot }: { voteId: string; ballot: Ballot }) => api<{ received: boolean }>(`/api/congress/votes/${voteId}/ballots`, { method: 'POST', body: ballot }),
    meta: { inlineError: true },
    // Also after a refusal (already voted, vote closed meanwhile): the page then shows the real state.
    onSettled: refresh,
  });
}
