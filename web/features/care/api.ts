import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BatchPreview, CareBatch, CareRecord, CareReminders, CareStanding } from '../../../common/care';
import { api } from '../../app/api';

// Keys follow the API paths; a write refreshes everything under /api/care and the ledger under /api/funds.
const CARE_KEY = '/api/care';
const touched = (key: readonly unknown[]) => /^\/api\/(care|funds)/.test(String(key[0]));

export function useInvalidateCare() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => touched(q.queryKey) });
}

export const useRecord = (id: string) => useQuery({ queryKey: [`${CARE_KEY}/records`, id], queryFn: () => api<CareRecord>(`/api/care/records/${id}`) });

export const useStanding = (memberId: string | null | undefined, year: number) =>
  useQuery({
    queryKey: [`${CARE_KEY}/standing`, memberId, year],
    queryFn: () => api<CareStanding>(`/api/care/members/${memberId}/standing`, { query: { year } }),
    enabled: !!memberId,
  });

/** The 工作台's 慰问 reminders; the router asks for them while the home page loads. */
export const remindersQuery = queryOptions({ queryKey: [`${CARE_KEY}/reminders`], queryFn: () => api<CareReminders>('/api/care/reminders') });
export const useReminders = () => useQuery(remindersQuery);

export const useBatches = (year: number) => useQuery({ queryKey: [`${CARE_KEY}/batches`, year], queryFn: () => api<{ items: CareBatch[] }>('/api/care/batches', { query: { year } }) });

/** A write under /api/care; the answer replaces nothing, everything care and funds is refetched. */
export function useCareWrite<B, R>(path: string | ((b: B) => string), method: 'POST' | 'PATCH' = 'POST', meta?: { inlineError?: boolean }) {
  const refresh = useInvalidateCare();
  return useMutation({
    mutationFn: (body: B) => api<R>(typeof path === 'string' ? path : path(body), { method, body }),
    onSuccess: () => refresh(),
    meta,
  });
}

export const previewBatch = (body: unknown) => api<BatchPreview>('/api/care/batches/preview', { method: 'POST', body });
