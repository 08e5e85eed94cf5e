import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyCareRecord, ApplicableMember, HardshipApplication, HardshipCampaign, HardshipCampaignDetail, HardshipCaps, HardshipFile, HardshipFileDetail, HardshipReminders, MyHardship } from '../../../common/hardship';
import { api } from '../../app/api';

// Keys follow the API paths; a write refreshes everything under /api/hardship and the ledger under /api/funds.
const touched = (key: readonly unknown[]) => /^\/api\/(hardship|funds)/.test(String(key[0]));

export const useFiles = (status?: string) => useQuery({ queryKey: ['/api/hardship/files', status], queryFn: () => api<{ items: HardshipFile[] }>('/api/hardship/files', { query: { status } }) });
export const useFile = (id: string) => useQuery({ queryKey: ['/api/hardship/files', id], queryFn: () => api<HardshipFileDetail>(`/api/hardship/files/${id}`) });
export const useApplication = (id: string) => useQuery({ queryKey: ['/api/hardship/applications', id], queryFn: () => api<HardshipApplication>(`/api/hardship/applications/${id}`) });
export const useCampaigns = (year?: number) => useQuery({ queryKey: ['/api/hardship/campaigns', year], queryFn: () => api<{ items: HardshipCampaign[] }>('/api/hardship/campaigns', { query: { year } }) });
export const useCampaign = (id: string) => useQuery({ queryKey: ['/api/hardship/campaigns', id], queryFn: () => api<HardshipCampaignDetail>(`/api/hardship/campaigns/${id}`) });
export const useCaps = () => useQuery({ queryKey: ['/api/hardship/caps'], queryFn: () => api<HardshipCaps>('/api/hardship/caps') });
/** The 工作台's 困难帮扶 reminders; the router asks for them while the home page loads. */
export const hardshipRemindersQuery = queryOptions({ queryKey: ['/api/hardship/reminders'], queryFn: () => api<HardshipReminders>('/api/hardship/reminders') });
export const useHardshipReminders = () => useQuery(hardshipRemindersQuery);
export const useApplicable = (enabled: boolean) =>
  useQuery({ queryKey: ['/api/hardship/applicable-members'], queryFn: () => api<{ items: ApplicableMember[] }>('/api/hardship/applicable-members'), enabled });
export const useMine = () => useQuery({ queryKey: ['/api/hardship/mine'], queryFn: () => api<MyHardship>('/api/hardship/mine') });
export const useMyCare = () => useQuery({ queryKey: ['/api/care/mine'], queryFn: () => api<{ items: MyCareRecord[] }>('/api/care/mine') });

/** A write under /api/hardship; everything hardship and funds is refetched after it. */
export function useHardshipWrite<B, R>(path: string | ((b: B) => string), method: 'POST' | 'PATCH' | 'PUT' = 'POST', meta?: { inlineError?: boolean }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(typeof path === 'string' ? path : path(body), { method, body }),
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => touched(q.queryKey) }),
    meta,
  });
}
