import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../common/api';
import type { Group } from '../../../common/groups';
import { api } from '../../app/api';

export const GROUPS_KEY = ['/api/groups'] as const;

/** All 工会小组 of the school: a few dozen at most, so one request without paging. */
export function useGroups(enabled = true) {
  return useQuery({ queryKey: GROUPS_KEY, queryFn: () => api<Page<Group>>('/api/groups', { query: { pageSize: 200 } }), enabled });
}
