import { useQuery } from '@tanstack/react-query';
import type { NetworkSearchResult, PathResult } from '../../../contracts/network-search';
import { api, isApiError, withQuery } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { networkKeys } from './network-keys';

/**
 * Each run counts against the daily limit, so a result is kept for the session (never refetched on its own) and a
 * search runs only for a query that was submitted.
 */
const SPEND_ONCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: 30 * 60_000 } as const;

/** "Who do my connections know at …": runs when `q` is set (the submitted query). */
export function useNetworkSearch(q: string) {
  return useQuery({
    queryKey: networkKeys.search(q),
    queryFn: ({ signal }) => api.get<NetworkSearchResult>(withQuery('/network/search', { q }), { signal }),
    enabled: q.length > 0,
    ...SPEND_ONCE,
  });
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
