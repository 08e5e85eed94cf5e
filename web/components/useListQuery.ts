import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { Page } from '../../common/api';
import { api } from '../app/api';
import { rememberListView } from './listViews';

type Patch = Record<string, string | number | undefined | null>;

/**
 * A server-paged list whose filters, sort and page live in the URL, so Back returns to the same
 * view and an export can send exactly what is on screen. Changing a filter goes back to page 1.
 * `own` names the page's own parameters beside the list's (a tab): kept in the URL, not sent.
 */
export function useListQuery<T>(path: string, defaults: { pageSize?: number; sort?: string; own?: string[] } = {}) {
  const [params, setParams] = useSearchParams();
  const { pathname, search } = useLocation();
  useEffect(() => rememberListView(pathname, search.replace(/^\?/, '')), [pathname, search]);
  const filters: Record<string, string | undefined> = Object.fromEntries(params);
  for (const k of ['page', 'pageSize', ...(defaults.own ?? [])]) delete filters[k];
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || defaults.pageSize || 20;
  const sort = params.get('sort') ?? defaults.sort;
  const view: Record<string, string | undefined> = { ...filters, sort };
  const query = { ...view, page, pageSize };

  const result = useQuery({
    queryKey: [path, query],
    queryFn: () => api<Page<T>>(path, { query }),
    placeholderData: keepPreviousData,
  });

  const set = (patch: Patch) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!('page' in patch)) next.delete('page');
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );

  return {
    /** Filters and sort without paging: what an export should receive. */
    filters: view,
    set,
    result,
    listProps: {
      rows: result.data?.items,
      total: result.data?.total ?? 0,
      loading: result.isFetching,
      page,
      pageSize,
      sort,
      onPageChange: (p: number, size: number) => set({ page: p, pageSize: size }),
      onSortChange: (s: string | undefined) => set({ sort: s }),
    },
  };
}
