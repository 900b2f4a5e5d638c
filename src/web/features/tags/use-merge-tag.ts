import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useInvalidateTags } from './use-invalidate-tags';

/** Moves every contact of tag `id` onto tag `into`; `id` goes away. */
export function useMergeTag() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: ({ id, into }: { id: string; into: string }) =>
      api.post<unknown>(`/tags/${encodeURIComponent(id)}/merge`, { into }),
    onSuccess: invalidate,
  });
}
