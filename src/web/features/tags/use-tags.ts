import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TagWithCadence } from '../../api/types';

export const tagsKey = ['tags'] as const;

/** All live tags of the account, with how many contacts carry each. */
export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: ({ signal }) => api.get<{ items: TagWithCadence[] }>('/tags', { signal }),
    select: (data) => [...data.items].sort((a, b) => a.name.localeCompare(b.name)),
  });
}
