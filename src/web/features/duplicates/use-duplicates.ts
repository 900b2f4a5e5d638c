import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contact, DuplicatePair, MergeList, MergeResult } from '../../api/types';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';

export const duplicateKeys = {
  list: ['duplicates', 'list'] as const,
  merges: ['merges', 'list'] as const,
};

/** Pairs that may be the same person, strongest first. */
export function useDuplicates() {
  return useQuery({
    queryKey: duplicateKeys.list,
    queryFn: ({ signal }) => api.get<{ items: DuplicatePair[] }>('/duplicates', { signal }),
    select: (data) => data.items,
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

/** Merges `merge` into `keep`: every fact moves over with its source; undoable. */
export function useMerge() {
  const refresh = useRefreshAfterMerge();
  return useMutation({
    mutationFn: (input: { keep: string; merge: string }) => api.post<MergeResult>('/merges', input),
    onSettled: refresh,
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

/** "Not the same person": the pair is not suggested again. */
export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { a: string; b: string }) => api.post<void>('/duplicates/dismiss', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.list }),
  });
}
