import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ContactPurpose,
  itemUpdateInput,
  Purpose,
  PurposeBoard,
  PurposeInput,
  PurposeItem,
  PurposeUpdateInput,
  placeContactsInput,
  placeContactsResult,
  stageMoveList,
} from '../../../contracts/purposes';
import { api, withQuery } from '../../api/client';
import { moveLocally } from './board-moves';
import { purposeKeys } from './purpose-keys';

const at = (id: string) => `/purposes/${encodeURIComponent(id)}`;

/**
 * After any purpose write: every purpose view, Today (stale items) and relationships (a purpose's cadence).
 * `gone`: a purpose just deleted, whose own views are not fetched again (they would only answer 404).
 */
function useInvalidatePurposes(gone?: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({
        queryKey: purposeKeys.all,
        predicate: (q) => gone === undefined || q.queryKey[2] !== gone,
      }),
      qc.invalidateQueries({ queryKey: ['today'] }),
      qc.invalidateQueries({ queryKey: ['relationship'] }),
      qc.invalidateQueries({ queryKey: ['trash'] }),
    ]);
}

/** My purposes with progress: active, archived or all (`enabled: false` waits until it is needed). */
export function usePurposes(status: 'active' | 'archived' | 'all' = 'active', enabled = true) {
  return useQuery({
    queryKey: purposeKeys.list(status),
    queryFn: ({ signal }) => api.get<{ items: Purpose[] }>(withQuery('/purposes', { status }), { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function usePurposeBoard(id: string) {
  return useQuery({
    queryKey: purposeKeys.board(id),
    queryFn: ({ signal }) => api.get<PurposeBoard>(at(id), { signal }),
  });
}

/** The purposes a contact is on (contact page). */
export function useContactPurposes(contactId: string) {
  return useQuery({
    queryKey: purposeKeys.ofContact(contactId),
    queryFn: ({ signal }) =>
      api.get<{ items: ContactPurpose[] }>(`/contacts/${encodeURIComponent(contactId)}/purposes`, { signal }),
    select: (d) => d.items,
  });
}

export function useItemMoves(id: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: purposeKeys.moves(id, itemId),
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof stageMoveList>>(`${at(id)}/items/${itemId}/moves`, { signal }),
    select: (d) => d.items,
    enabled,
  });
}

export function useCreatePurpose() {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: (input: PurposeInput) => api.post<Purpose>('/purposes', input),
    onSuccess: invalidate,
  });
}

export function useUpdatePurpose(id: string) {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: (input: PurposeUpdateInput) => api.patch<Purpose>(at(id), input),
    onSuccess: invalidate,
  });
}

export function useArchivePurpose(id: string) {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: (archived: boolean) => api.post<Purpose>(`${at(id)}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: invalidate,
  });
}

export function useDeletePurpose(id: string) {
  const invalidate = useInvalidatePurposes(id);
  return useMutation({
    mutationFn: () => api.delete<{ purgeAfter: string }>(at(id)),
    onSuccess: invalidate,
  });
}

/** Brings a purpose just deleted back from the trash (the toast's Undo, which runs after its page has gone). */
export function useUndoDeletePurpose() {
  const invalidate = useInvalidatePurposes();
  return async (id: string) => {
    const back = await api.post<Purpose>(`${at(id)}/restore`);
    await invalidate();
    return back;
  };
}

export function usePlaceContacts(id: string) {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: (input: z.input<typeof placeContactsInput>) =>
      api.post<z.infer<typeof placeContactsResult>>(`${at(id)}/items`, input),
    onSuccess: invalidate,
  });
}

/**
 * Moves a card: the board shows it at once, and goes back if the server refuses. Moves of one board go to the
 * server one after another, in the order they were made, and the board is fetched again only after the last.
 */
export function useMoveItem(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidatePurposes();
  const key = purposeKeys.board(id);
  const mutationKey = ['purposes', 'move', id];
  return useMutation({
    mutationKey,
    scope: { id: `purpose-move-${id}` },
    mutationFn: (m: { itemId: string; stageId: string; index?: number }) =>
      api.post<PurposeItem>(`${at(id)}/items/${encodeURIComponent(m.itemId)}/move`, {
        stageId: m.stageId,
        index: m.index,
      }),
    onMutate: async (m) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<PurposeBoard>(key);
      if (before) qc.setQueryData(key, moveLocally(before, m.itemId, m.stageId, m.index));
      return { before };
    },
    onError: (_e, _m, context) => {
      if (context?.before) qc.setQueryData(key, context.before);
    },
    onSettled: () => (qc.isMutating({ mutationKey }) <= 1 ? invalidate() : undefined),
  });
}

export function useUpdateItem(id: string) {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: ({ itemId, ...input }: z.input<typeof itemUpdateInput> & { itemId: string }) =>
      api.patch<PurposeItem>(`${at(id)}/items/${encodeURIComponent(itemId)}`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveItem(id: string) {
  const invalidate = useInvalidatePurposes();
  return useMutation({
    mutationFn: (itemId: string) => api.delete<void>(`${at(id)}/items/${encodeURIComponent(itemId)}`),
    onSuccess: invalidate,
  });
}
