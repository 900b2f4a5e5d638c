import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { apiTokensKey } from './use-api-tokens';

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
