import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { Disclosure, DisclosureCategory, DisclosureIssue, DisclosureStats, Feed, IssueBoard, PublicDisclosures, ReadStatus } from '../../../common/disclosures';
import { api, type Query } from '../../app/api';

// Keys follow the API paths; every write refreshes everything under DISCLOSURES_KEY (lists, the item,
// the 新公开 count), and the issue and category lists, which change with their items.
export const DISCLOSURES_KEY = ['/api/disclosures'] as const;
const ISSUES_KEY = ['/api/disclosure-issues'] as const;
const CATEGORIES_KEY = ['/api/disclosure-categories'] as const;

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([DISCLOSURES_KEY, ISSUES_KEY, CATEGORIES_KEY].map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export const useDisclosure = (id: string) => useQuery({ queryKey: [...DISCLOSURES_KEY, id], queryFn: () => api<Disclosure>(`/api/disclosures/${id}`), enabled: !!id });

export const useFeed = (query: Query) => useQuery({ queryKey: [...DISCLOSURES_KEY, 'feed', query], queryFn: () => api<Feed>('/api/disclosures/feed', { query }) });

/** The 新公开 count, for the menu badge; refreshed every few minutes while the app is open. */
export const unreadQuery = queryOptions({ queryKey: [...DISCLOSURES_KEY, 'unread'], queryFn: () => api<{ count: number }>('/api/disclosures/unread'), refetchInterval: 5 * 60_000 });
export const useUnread = () => useQuery(unreadQuery);

export const useReadStatus = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...DISCLOSURES_KEY, id, 'reads'], queryFn: () => api<ReadStatus>(`/api/disclosures/${id}/reads`), enabled });

export const useStats = (schoolYear: number) =>
  useQuery({ queryKey: [...DISCLOSURES_KEY, 'stats', schoolYear], queryFn: () => api<DisclosureStats>('/api/disclosures/stats', { query: { schoolYear } }) });

export const useCategories = () => useQuery({ queryKey: CATEGORIES_KEY, queryFn: () => api<Page<DisclosureCategory>>('/api/disclosure-categories') });
export const useIssues = () => useQuery({ queryKey: ISSUES_KEY, queryFn: () => api<Page<DisclosureIssue>>('/api/disclosure-issues') });
export const useBoard = (id: string) => useQuery({ queryKey: [...ISSUES_KEY, id], queryFn: () => api<IssueBoard>(`/api/disclosure-issues/${id}`) });

/** Signed out: plain fetches, no session needed. */
export const usePublicDisclosures = (orgId: string) =>
  useQuery({ queryKey: ['/api/public', orgId], queryFn: () => api<PublicDisclosures>(`/api/public/${encodeURIComponent(orgId)}/disclosures`, { query: { pageSize: 100 } }) });

type Method = 'POST' | 'PATCH' | 'DELETE';

/** Any write of 校务公开: `path` under /api, then every related list and count refreshes. */
export function useDisclosureWrite<B = unknown, R = Disclosure>(path: string, method: Method = 'POST') {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: B) => api<R>(path, { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: () => refresh(),
  });
}

/** The same for rows of a list, where each call names its own path (one mutation for the whole table). */
export function useDisclosureRequest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: Method; body?: unknown }) => api<unknown>(path, { method, body }),
    onSuccess: () => refresh(),
  });
}

/** Records the read receipt once the reader has opened the item (the 新公开 count drops). */
export function useMarkRead(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/disclosures/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: DISCLOSURES_KEY }),
    meta: { inlineError: true },
  });
}
