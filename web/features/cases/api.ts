import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Case, CaseCategory, CaseFigures, CaseInput, CaseLink } from '../../../common/cases';
import { api } from '../../app/api';

// Keys follow the API paths, so every list, detail and figure of the cases starts with /api/cases.
const CASES_KEY = ['/api/cases'] as const;
const ofCases = (key: readonly unknown[]) => String(key[0]).startsWith('/api/cases');

export function useCase(id: string) {
  return useQuery({ queryKey: [...CASES_KEY, id], queryFn: () => api<Case>(`/api/cases/${id}`) });
}

/** One calendar year's figures; without a year, the current one. */
export function useCaseFigures(year?: number) {
  return useQuery({ queryKey: [...CASES_KEY, 'figures', year ?? 'current'], queryFn: () => api<CaseFigures>('/api/cases/figures', { query: { year } }) });
}

/** A POST on /api/cases/:id/<step>; the server answers with the case as the caller now sees it. */
export function useCaseAction<B>(id: string, step: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<Case>(`/api/cases/${id}/${step}`, { method: 'POST', body }),
    onSuccess: (c) => {
      qc.setQueryData([...CASES_KEY, id], c);
      return qc.invalidateQueries({ predicate: (q) => ofCases(q.queryKey) && q.queryKey[1] !== id });
    },
  });
}

export function useRaise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseInput) => api<Case>('/api/cases', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => ofCases(q.queryKey) }),
  });
}

/** The case a suggestion was turned into, when the caller may see it. */
export function useSuggestionCase(suggestionId: string) {
  return useQuery({ queryKey: [...CASES_KEY, 'from-suggestion', suggestionId], queryFn: () => api<{ case: CaseLink | null }>(`/api/cases/from-suggestion/${suggestionId}`) });
}

export function useFromSuggestion(suggestionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (category: CaseCategory) => api<Case>(`/api/cases/from-suggestion/${suggestionId}`, { method: 'POST', body: { category } }),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => ofCases(q.queryKey) }),
  });
}
