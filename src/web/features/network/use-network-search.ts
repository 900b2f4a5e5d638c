import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { NetworkSearchResult, PathResult } from '../../../contracts/network-search';
import { api, isApiError, withQuery } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { networkKeys } from './network-keys';

/**
 * Each run counts against the daily limit, so a result is kept for the session (never refetched on its own) and a
 * search runs only when the user asks for it.
 */
const SPEND_ONCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: 30 * 60_000 } as const;

const searchQuery = (q: string) => ({
  queryKey: networkKeys.search(q),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<NetworkSearchResult>(withQuery('/network/search', { q }), { signal }),
  ...SPEND_ONCE,
});

/**
 * "Who do my connections know at …": this session's last result for `q`, if any. It never runs by itself (a page
 * load or a reload spends nothing); `runNetworkSearch` runs it.
 */
export function useNetworkSearch(q: string) {
  return useQuery({ ...searchQuery(q), enabled: false });
}

/**
 * Pressing Search: always asks the server again, since the owners may have stopped sharing since. An error lands on
 * the query, where the page shows it; a press while one runs joins it.
 */
export function runNetworkSearch(queryClient: QueryClient, q: string): void {
  queryClient.fetchQuery({ ...searchQuery(q), staleTime: 0 }).catch(() => undefined);
}

/** Warm paths to someone at an organisation (`q`) or to one person (`contactId`); runs when either is set. */
export function useWarmPaths(q: string, contactId: string) {
  return useQuery({
    queryKey: networkKeys.paths(q, contactId),
    queryFn: ({ signal }) =>
      api.get<PathResult>(
        withQuery('/network/paths', contactId ? { contactId, limit: 10 } : { q, limit: 10 }),
        { signal },
      ),
    enabled: q.length > 0 || contactId.length > 0,
    ...SPEND_ONCE,
  });
}

/** The words for a spent daily limit (429), with the time the next search frees up when the server said. */
export function quotaMessage(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 429) return null;
  const retryAt = typeof error.details.retryAt === 'string' ? error.details.retryAt : null;
  const limit = typeof error.details.limit === 'number' ? error.details.limit : null;
  return `You have used all ${limit ?? 'your'} network searches for the last 24 hours (searches and path look-ups count alike).${
    retryAt ? ` The next one is possible at ${formatDateTime(retryAt)}.` : ''
  }`;
}
