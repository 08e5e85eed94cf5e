import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { Proposal, ProposalStats, ProposalTemplate, ProposalWindow } from '../../../common/proposals';
import { api, type Query } from '../../app/api';

// Keys follow the API paths: invalidating PROPOSALS_KEY refreshes lists, details and figures alike.
export const PROPOSALS_KEY = ['/api/proposals'] as const;
const proposalKey = (id: string) => [...PROPOSALS_KEY, id] as const;

export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: proposalKey(id ?? ''), queryFn: () => api<Proposal>(`/api/proposals/${id}`), enabled: !!id });
}

export function useWindows() {
  return useQuery({ queryKey: ['/api/proposal-windows'], queryFn: () => api<Page<ProposalWindow>>('/api/proposal-windows') });
}

export function useStats(query: Query) {
  return useQuery({ queryKey: [...PROPOSALS_KEY, 'stats', query], queryFn: () => api<ProposalStats>('/api/proposals/stats', { query }) });
}

export function useTemplates(kind: 'decision' | 'reply', enabled: boolean) {
  return useQuery({
    queryKey: ['/api/proposal-templates', kind],
    queryFn: () => api<Page<ProposalTemplate>>('/api/proposal-templates', { query: { kind } }),
    enabled,
  });
}

/** Accounts a proposal can be assigned to (承办 role), for the committee. */
export function useHandlers() {
  return useQuery({
    queryKey: ['/api/proposals/handlers'],
    queryFn: () => api<Page<{ id: string; username: string; memberName: string | null }>>('/api/proposals/handlers'),
  });
}

/** Proposals the committee may merge into (the server checks the rest). */
export function useProposalOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'options', q],
    queryFn: () => api<Page<{ id: string; title: string; state: string }>>('/api/proposals', { query: { q, pageSize: 30 } }),
    enabled,
  });
}

/**
 * A POST/PATCH/DELETE on /api/proposals/:id/<action>. The server answers with the proposal as the
 * caller now sees it; every proposal query refreshes (lists, counts and figures change too).
 */
export function useProposalAction<B = unknown>(id: string, action: string, method: 'POST' | 'PATCH' | 'DELETE' = 'POST') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<Proposal>(action ? `/api/proposals/${id}/${action}` : `/api/proposals/${id}`, { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}

export function useCreateProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<Proposal>('/api/proposals', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}

/** Publishes drafted decisions together (POST /api/proposals/decisions/publish). */
export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api<{ published: number }>('/api/proposals/decisions/publish', { method: 'POST', body: { ids } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}
