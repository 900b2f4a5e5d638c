import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { tagsKey } from './use-tags';

/** Keep in touch with everyone carrying a tag every N days (null removes the tag's cadence). */
export function useSetTagCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cadenceDays }: { id: string; cadenceDays: number | null }) =>
      api.put<{ cadenceDays: number | null }>(`/tags/${encodeURIComponent(id)}/cadence`, { cadenceDays }),
    onSuccess: async () => {
      await Promise.all(
        [tagsKey, ['today'], ['relationship']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
