import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { DuplicateList } from '../../../contracts/duplicates';
import { api, withQuery } from '../../api/client';
import type { Contact, DuplicatePair, MergeList, MergeResult } from '../../api/types';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';

export const duplicateKeys = {
  list: ['duplicates', 'list'] as const,
  merges: ['merges', 'list'] as const,
};

// 200 cards were a 74,000 px page that took seconds to draw; 50 fill a few screens, "Show more pairs" brings more.
const PAGE = 50;

/** Pairs that may be the same person, strongest first, a page at a time, with how many there are in all. */
export function useDuplicates() {
  return useInfiniteQuery({
    queryKey: duplicateKeys.list,
    queryFn: ({ pageParam, signal }) =>
      api.get<DuplicateList>(withQuery('/duplicates', { limit: PAGE, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Takes pairs out of the pages on screen and out of the total, without asking again: the pages after go on from
 * where the last one shown stopped, so nothing is skipped.
 */
function useDropPairs() {
  const queryClient = useQueryClient();
  return (drop: (pair: DuplicatePair) => boolean) =>
    queryClient.setQueryData<InfiniteData<DuplicateList, string | undefined>>(duplicateKeys.list, (data) => {
      if (!data) return data;
      const gone = data.pages.reduce((n, page) => n + page.items.filter(drop).length, 0);
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.filter((pair) => !drop(pair)),
          total: Math.max(0, page.total - gone),
        })),
      };
    });
}

/** Recent merges, newest first. */
export function useMerges() {
  return useQuery({
    queryKey: duplicateKeys.merges,
    queryFn: ({ signal }) => api.get<MergeList>('/merges', { signal }),
    select: (data) => data.items,
  });
}

function useRefreshAfterMerge() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['merges'] }), invalidate()]);
  };
}

/**
 * Merges `merge` into `keep`: every fact moves over with its source; undoable. The merged contact's pairs leave the
 * list at once; the list is then read again behind the scenes (the kept contact may have new pairs).
 */
export function useMerge() {
  const refresh = useRefreshAfterMerge();
  const drop = useDropPairs();
  return useMutation({
    mutationFn: (input: { keep: string; merge: string }) => api.post<MergeResult>('/merges', input),
    onSuccess: (_r, input) => drop((p) => p.a.id === input.merge || p.b.id === input.merge),
    // Not awaited: the caller's onSuccess (the keyboard to the next pair) must not wait for every page shown to be
    // read again.
    onSettled: () => void refresh(),
  });
}

/** Splits a merge: both contacts come back as they were. */
export function useUndoMerge() {
  const refresh = useRefreshAfterMerge();
  return useMutation({
    mutationFn: (mergeId: string) =>
      api.post<{ kept: Contact; restored: Contact }>(`/merges/${encodeURIComponent(mergeId)}/undo`),
    onSettled: refresh,
  });
}

/** "Not the same person": the pair leaves the list, which is not read again (nothing else changed). */
export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  const drop = useDropPairs();
  return useMutation({
    mutationFn: (input: { a: string; b: string }) => api.post<void>('/duplicates/dismiss', input),
    onSuccess: (_r, input) => {
      drop((p) => (p.a.id === input.a && p.b.id === input.b) || (p.a.id === input.b && p.b.id === input.a));
      // Read again on the next visit, not now.
      return queryClient.invalidateQueries({ queryKey: duplicateKeys.list, refetchType: 'none' });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.list }),
  });
}
