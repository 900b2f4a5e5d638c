import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { browserSessionsKey } from './use-browser-sessions';

/** Signs out every browser of this account but this one; answers how many were signed out. */
export function useSignOutOtherDevices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ended: number }>('/auth/sessions/end-others'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: browserSessionsKey }),
  });
}
