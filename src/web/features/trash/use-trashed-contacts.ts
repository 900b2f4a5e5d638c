import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { TrashedContactPage } from '../../api/types';

const PAGE_SIZE = 50;

/**
 * Pages of deleted contacts, most recently deleted first, narrowed by a search and to what the undo of one import
 * sent there; each page says how many match.
 */
export function useTrashedContacts(q: string, importId?: string, { enabled = true } = {}) {
  return useInfiniteQuery({
    // Under ['trash'], so whatever refreshes the trash refreshes these too.
    queryKey: ['trash', 'contacts', { q, import: importId }],
    queryFn: ({ pageParam, signal }) =>
      api.get<TrashedContactPage>(
        withQuery('/trash/contacts', { q, import: importId, limit: PAGE_SIZE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
