import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { DecisionInput, Proposal, ProposalCounts, ProposalStats, ProposalTemplate, ProposalWindow } from '../../../common/proposals';
import { api, type Query } from '../../app/api';

// Keys follow the API paths: invalidating PROPOSALS_KEY refreshes lists, details and figures alike.
export const PROPOSALS_KEY = ['/api/proposals'] as const;
const proposalKey = (id: string) => [...PROPOSALS_KEY, id] as const;

export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: proposalKey(id ?? ''), queryFn: () => api<Proposal>(`/api/proposals/${id}`), enabled: !!id });
}

const WINDOWS_KEY = ['/api/proposal-windows'] as const;
export function useWindows() {
  return useQuery({ queryKey: WINDOWS_KEY, queryFn: () => api<Page<ProposalWindow>>('/api/proposal-windows') });
}

export function useSetWindow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { sessionId: string; opensOn: string; closesOn: string }) => api<Page<ProposalWindow>>('/api/proposal-windows', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(WINDOWS_KEY, data),
  });
}

/** Per-state counts over the same filters as the list (its state and overdue aside). */
export function useCounts(query: Query) {
  return useQuery({ queryKey: [...PROPOSALS_KEY, 'counts', query], queryFn: () => api<ProposalCounts>('/api/proposals/counts', { query }), placeholderData: keepPreviousData });
}

export function useStats(query: Query) {
  return useQuery({ queryKey: [...PROPOSALS_KEY, 'stats', query], queryFn: () => api<ProposalStats>('/api/proposals/stats', { query }) });
}

const TEMPLATES_KEY = ['/api/proposal-templates'] as const;
export function useTemplates(kind?: 'decision' | 'reply', enabled = true) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, kind ?? 'all'],
    queryFn: () => api<Page<ProposalTemplate>>('/api/proposal-templates', { query: { kind } }),
    enabled,
  });
}

type TemplateFields = Omit<ProposalTemplate, 'id'>;
/** Creates (no id), updates or deletes (`remove`) a template; every template list refreshes. */
export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, remove, ...body }: Partial<TemplateFields> & { id?: string; remove?: boolean }) =>
      id
        ? api<ProposalTemplate | undefined>(`/api/proposal-templates/${id}`, { method: remove ? 'DELETE' : 'PATCH', body: remove ? undefined : body })
        : api<ProposalTemplate>('/api/proposal-templates', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TEMPLATES_KEY }),
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

/** Publishes drafted decisions together: those of `ids`, or with none given every drafted one. */
export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api<{ published: number }>('/api/proposals/decisions/publish', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}

/** One decision for many submitted proposals, drafted or published at once (all or none). */
export function useBatchDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionInput & { ids: string[] }) => api<{ decided: number; published: boolean }>('/api/proposals/decisions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROPOSALS_KEY }),
  });
}
