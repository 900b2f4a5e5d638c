import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type TrashKind = 'contacts' | 'organisations' | 'tags' | 'purposes';

/** Brings an item back from the trash; every list it belongs to is refreshed. */
export function useRestore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: TrashKind; id: string; name: string }) =>
      api.post<unknown>(`/${kind}/${encodeURIComponent(id)}/restore`),
    onSuccess: async () => {
      await Promise.all(
        ['trash', 'contacts', 'organisations', 'tags', 'purposes'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}
