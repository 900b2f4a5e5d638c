import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ImportDetail, ImportList } from '../../api/types';
import { importKeys } from './import-keys';

const PAGE_SIZE = 50;

/** The query of my imports, newest first, a page at a time (the history and the trash's import share it). */
export const importListQuery = {
  queryKey: importKeys.list(),
  queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
    api.get<ImportList>(withQuery('/imports', { limit: PAGE_SIZE, cursor: pageParam }), { signal }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: ImportList) => last.nextCursor ?? undefined,
};

/** My imports, newest first, a page at a time. */
export function useImports() {
  return useInfiniteQuery({ ...importListQuery, select: (d) => d.pages.flatMap((p) => p.items) });
}

/** One import with every problem it reported. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => api.get<ImportDetail>(`/imports/${encodeURIComponent(id)}`, { signal }),
  });
}
