import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportDetail, ImportList } from '../../api/types';
import { importKeys } from './import-keys';

/** My imports, newest first. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => api.get<ImportList>('/imports', { signal }),
    select: (data) => data.items,
  });
}

/** One import with every problem it reported. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => api.get<ImportDetail>(`/imports/${encodeURIComponent(id)}`, { signal }),
  });
}
