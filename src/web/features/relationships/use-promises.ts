import { useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { PromiseInput, PromiseStats, PromiseUpdateInput, PromiseView } from '../../api/types';
import { relationshipKeys } from './relationship-keys';
import { useInvalidateRelationships } from './use-invalidate-relationships';

/** Promises by due date (optionally with one contact), every status. */
export function usePromises(contactId?: string) {
  return useQuery({
    queryKey: relationshipKeys.promises(contactId),
    queryFn: ({ signal }) =>
      api.get<{ items: PromiseView[] }>(withQuery('/promises', { contact: contactId }), { signal }),
    select: (d) => d.items,
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
