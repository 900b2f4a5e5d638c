import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CreatedApiToken } from '../../api/types';
import { apiTokensKey } from './use-api-tokens';

/** Creates a token; the answer carries the secret, which the server never shows again. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number; scope?: 'full' | 'read' }) =>
      api.post<CreatedApiToken>('/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
