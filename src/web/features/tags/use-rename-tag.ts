import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Tag } from '../../api/types';
import { useInvalidateTags } from './use-invalidate-tags';

/** Renames a tag; a 409 means another tag already has that name (offer a merge instead). */
export function useRenameTag() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      api.patch<Tag>(`/tags/${encodeURIComponent(id)}`, { name }),
    onSuccess: invalidate,
  });
}
