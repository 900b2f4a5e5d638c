import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportDetail, ImportSummary } from '../../api/types';
import { importKeys } from '../imports/import-keys';
import { importListQuery } from '../imports/use-imports';

/**
 * The import whose undo the trash is narrowed to, for its file name and date: from the import history (cached from
 * the page the undo was made on), else on its own (an import older than the history shows: its answer carries every
 * problem it reported, so it is asked for only then).
 */
export function useTrashImport(id: string | undefined) {
  const list = useInfiniteQuery({ ...importListQuery, enabled: id !== undefined });
  const listed = list.data?.pages.flatMap((p) => p.items).find((i) => i.id === id);
  const detail = useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportDetail>(`/imports/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined && list.isSuccess && !listed,
  });
  const item: ImportSummary | undefined = listed ?? detail.data;
  return { item, error: list.error ?? detail.error };
}
