import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Tag } from '../../api/types';
import { useInvalidateTags } from './use-invalidate-tags';

export function useCreateTag() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: (name: string) => api.post<Tag>('/tags', { name }),
    onSuccess: invalidate,
  });
}
