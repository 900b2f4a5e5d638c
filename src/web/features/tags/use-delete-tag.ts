import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Tag, Trashed } from '../../api/types';
import { useToast } from '../../ui/use-toast';
import { useInvalidateTags } from './use-invalidate-tags';

/** Moves a tag to the trash with an "Undo" notice. */
export function useDeleteTag() {
  const invalidate = useInvalidateTags();
  const toast = useToast();
  return useMutation({
    mutationFn: (tag: Pick<Tag, 'id' | 'name'>) => api.delete<Trashed>(`/tags/${encodeURIComponent(tag.id)}`),
    onSuccess: async (_r, tag) => {
      await invalidate();
      toast.show({
        message: `Moved tag “${tag.name}” to the trash.`,
        action: {
          label: 'Undo',
          onClick: async () => {
            try {
              await api.post<Tag>(`/tags/${encodeURIComponent(tag.id)}/restore`);
              await invalidate();
            } catch (e) {
              toast.show({
                message: `Could not restore: ${e instanceof Error ? e.message : 'unknown error'}`,
                tone: 'error',
              });
            }
          },
        },
      });
    },
  });
}
