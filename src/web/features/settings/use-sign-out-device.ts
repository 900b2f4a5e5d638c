import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { browserSessionsKey } from './use-browser-sessions';

/** Signs another browser of this account out (by its session id); it is told why on its next request. */
export function useSignOutDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: browserSessionsKey }),
  });
}
