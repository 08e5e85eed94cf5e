import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { Department } from '../../../common/departments';
import { ADDRESSEE_LABELS, type ReceiptView, type Suggestion, type SuggestionStats, type SuggestionTo } from '../../../common/suggestions';
import { api } from '../../app/api';
import { useLabel } from '../../i18n';

// Keys follow the API paths, so every list, detail and figure of the 意见箱 starts with /api/suggestions.
const SUGGESTIONS_KEY = ['/api/suggestions'] as const;
const ofSuggestions = (key: readonly unknown[]) => String(key[0]).startsWith('/api/suggestions');

export function useSuggestion(id: string) {
  return useQuery({ queryKey: [...SUGGESTIONS_KEY, id], queryFn: () => api<Suggestion>(`/api/suggestions/${id}`) });
}

export function useDepartments() {
  return useQuery({ queryKey: ['/api/departments'], queryFn: () => api<Page<Department>>('/api/departments') });
}

/** One 学年's figures; without a year, the current one. */
export function useFigures(schoolYear?: number) {
  return useQuery({ queryKey: [...SUGGESTIONS_KEY, 'figures', schoolYear ?? 'current'], queryFn: () => api<SuggestionStats>('/api/suggestions/figures', { query: { schoolYear } }) });
}

/** A POST on /api/suggestions/:id/<action>; the server answers with the suggestion as the caller now sees it. */
export function useSuggestionAction<B>(id: string, action: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<Suggestion>(`/api/suggestions/${id}/${action}`, { method: 'POST', body }),
    onSuccess: (s) => {
      qc.setQueryData([...SUGGESTIONS_KEY, id], s);
      return qc.invalidateQueries({ predicate: (q) => ofSuggestions(q.queryKey) && q.queryKey[1] !== id });
    },
  });
}

export function useSubmit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<Suggestion | { receipt: string }>('/api/suggestions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => ofSuggestions(q.queryKey) }),
  });
}

/** Public: the suggestion behind a receipt code, and writing back to it. The code stays in memory, never in the URL. */
export const readReceipt = (code: string) => api<ReceiptView>(`/api/suggestions/receipt/${encodeURIComponent(code)}`);
export const writeBackByReceipt = (code: string, body: string) => api<ReceiptView>(`/api/suggestions/receipt/${encodeURIComponent(code)}/messages`, { method: 'POST', body: { body } });

/** 校长, 工会, or the department's name. */
export function useToLabel() {
  const label = useLabel();
  return (to: SuggestionTo) => (to.kind === 'department' ? to.name : label(ADDRESSEE_LABELS, to.kind));
}
