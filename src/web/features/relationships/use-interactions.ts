import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { interactionUpdateInput } from '../../../contracts/relationships';
import { api, withQuery } from '../../api/client';
import type { Interaction, InteractionInput, InteractionPage } from '../../api/types';
import { relationshipKeys } from './relationship-keys';
import { useInvalidateRelationships } from './use-invalidate-relationships';

const PAGE_SIZE = 20;

/** A contact's interactions (or all of them), newest first, a page at a time. */
export function useInteractions(contactId: string | undefined) {
  return useInfiniteQuery({
    queryKey: relationshipKeys.interactions(contactId),
    queryFn: ({ pageParam, signal }) =>
      api.get<InteractionPage>(
        withQuery('/interactions', { contact: contactId, limit: PAGE_SIZE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLogInteraction() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (input: InteractionInput) => api.post<Interaction>('/interactions', input),
    onSuccess: invalidate,
  });
}

/** Corrects a logged interaction; the strength of everyone it touched (before and after) follows. */
export function useUpdateInteraction() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof interactionUpdateInput> & { id: string }) =>
      api.patch<Interaction>(`/interactions/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteInteraction() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/interactions/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
