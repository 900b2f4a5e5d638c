import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { favourUpdateInput } from '../../../contracts/relationships';
import { api, withQuery } from '../../api/client';
import type { Favour, FavourBalance, FavourInput, FavourPage } from '../../api/types';
import { relationshipKeys } from './relationship-keys';
import { useInvalidateRelationships } from './use-invalidate-relationships';

const PAGE_SIZE = 50;

/** Favours given and received, newest first (optionally with one contact), a page at a time. */
export function useFavours(contactId?: string) {
  return useInfiniteQuery({
    queryKey: relationshipKeys.favours(contactId),
    queryFn: ({ pageParam, signal }) =>
      api.get<FavourPage>(
        withQuery('/favours', { contact: contactId, limit: PAGE_SIZE, cursor: pageParam }),
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => d.pages.flatMap((p) => p.items),
  });
}

/** Who I have helped, who has helped me, who I owe. */
export function useFavourBalance() {
  return useQuery({
    queryKey: relationshipKeys.favourBalance,
    queryFn: ({ signal }) => api.get<FavourBalance>('/favours/balance', { signal }),
  });
}

export function useRecordFavour() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (input: FavourInput) => api.post<Favour>('/favours', input),
    onSuccess: invalidate,
  });
}

/** Corrects a favour (what, size, date, which way, with whom); balances and strength follow. */
export function useUpdateFavour() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof favourUpdateInput> & { id: string }) =>
      api.patch<Favour>(`/favours/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteFavour() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/favours/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
