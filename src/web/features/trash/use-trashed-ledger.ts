import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { TrashList } from '../../api/types';

const PAGE_SIZE = 200;

/** The kinds `GET /trash` gives the newest 1,000 of, with a cursor for the rest. */
export type LedgerKind = 'interactions' | 'favours' | 'promises';

/**
 * The deleted `kind` after the first 1,000 `GET /trash` showed (`after`, its `…NextCursor`), a page at a time; asks
 * for nothing until `enabled` ("Show more" pressed).
 */
export function useTrashedLedger<K extends LedgerKind>(kind: K, after: string | null, enabled: boolean) {
  return useInfiniteQuery({
    // Under ['trash'], so a restore refreshes these too; a new first page (a new `after`) starts afresh.
    queryKey: ['trash', kind, { after }],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: TrashList[K]; nextCursor: string | null }>(
        withQuery(`/trash/${kind}`, { limit: PAGE_SIZE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: after ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && after !== null,
  });
}
