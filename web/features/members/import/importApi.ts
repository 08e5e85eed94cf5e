import { useMutation } from '@tanstack/react-query';
import type { ImportResult } from '../../../../common/members';
import { api } from '../../../app/api';
import { useInvalidateMembers } from '../api';

interface Args {
  file: File;
  dryRun: boolean;
  skipInvalid?: boolean;
}

/** One endpoint for both passes: `dryRun` previews, the real pass writes (optionally skipping bad rows). */
export function useImport() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ file, dryRun, skipInvalid }: Args) => {
      const body = new FormData();
      body.append('file', file);
      return api<ImportResult>('/api/members/import', {
        method: 'POST',
        body,
        query: { dryRun: dryRun ? 1 : undefined, skipInvalid: skipInvalid ? 1 : undefined },
      });
    },
    onSuccess: (r) => (r.dryRun ? undefined : invalidate()),
  });
}
