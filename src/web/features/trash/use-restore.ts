import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { RELATIONSHIP_FAMILIES } from '../relationships/relationship-keys';

export type TrashKind =
  | 'contacts'
  | 'organisations'
  | 'tags'
  | 'purposes'
  | 'interactions'
  | 'favours'
  | 'promises';

/** Brings an item back from the trash; every list it belongs to is refreshed. */
export function useRestore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: TrashKind; id: string; name: string }) =>
      api.post<unknown>(`/${kind}/${encodeURIComponent(id)}/restore`),
    onSuccess: async () => {
      await Promise.all(
        // Interactions, favours and promises move Today, strength, the ledgers and the charts.
        ['trash', 'contacts', 'organisations', 'tags', 'purposes', ...RELATIONSHIP_FAMILIES].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}
