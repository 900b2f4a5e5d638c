import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type {
  PromiseInput,
  PromisePage,
  PromiseStats,
  PromiseStatus,
  PromiseUpdateInput,
  PromiseView,
} from '../../api/types';
import { relationshipKeys } from './relationship-keys';
import { useInvalidateRelationships } from './use-invalidate-relationships';

const PAGE_SIZE = 50;

/** Promises by due date (optionally with one contact, or in one status), a page at a time. */
export function usePromises(contactId?: string, status?: PromiseStatus) {
  return useInfiniteQuery({
    queryKey: relationshipKeys.promises(contactId, status),
    queryFn: ({ pageParam, signal }) =>
      api.get<PromisePage>(
        withQuery('/promises', { contact: contactId, status, limit: PAGE_SIZE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => d.pages.flatMap((p) => p.items),
  });
}

/** My kept-on-time rate (90 days, all time), open and overdue counts. */
export function usePromiseStats() {
  return useQuery({
    queryKey: relationshipKeys.promiseStats,
    queryFn: ({ signal }) => api.get<PromiseStats>('/promises/stats', { signal }),
  });
}

export function useCreatePromise() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (input: PromiseInput) => api.post<PromiseView>('/promises', input),
    onSuccess: invalidate,
  });
}

/** Kept, broken, released, reopened, or a new what/when. */
export function useUpdatePromise() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: ({ id, ...input }: PromiseUpdateInput & { id: string }) =>
      api.patch<PromiseView>(`/promises/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePromise() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/promises/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
