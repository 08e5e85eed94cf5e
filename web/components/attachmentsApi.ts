import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentList, FileInfo, FileOwnerKind } from '../../common/files';
import { api } from '../app/api';

export interface FileOwner {
  ownerKind: FileOwnerKind;
  ownerId: string;
}

const filesKey = (o: FileOwner) => ['/api/files', o.ownerKind, o.ownerId] as const;

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

export function useFiles(o: FileOwner) {
  return useQuery({ queryKey: filesKey(o), queryFn: () => api<AttachmentList>('/api/files', { query: { ...o } }) });
}

/** Uploads one file; the card shows a refusal itself, next to the picker, rather than as a toast. */
export function useUploadFile(o: FileOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, label }: { file: File; label?: string }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<FileInfo>('/api/files', { method: 'POST', body, query: { ...o, label } });
    },
    meta: { inlineError: true },
    onSettled: () => qc.invalidateQueries({ queryKey: filesKey(o) }),
  });
}

export function useDeleteFile(o: FileOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(fileUrl(id), { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: filesKey(o) }),
  });
}
