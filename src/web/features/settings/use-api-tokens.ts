import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';

export const apiTokensKey = ['tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensKey,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/tokens', { signal }),
    select: (d) => d.items,
  });
}
