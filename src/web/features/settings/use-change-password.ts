import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { useStartSession } from '../auth/use-start-session';
import { browserSessionsKey } from './use-browser-sessions';

/** Changes the password; the server ends every other session and hands this browser a new one. */
export function useChangePassword() {
  const start = useStartSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<SessionInfo>('/auth/password', input),
    onSuccess: (info) => {
      start(info);
      void queryClient.invalidateQueries({ queryKey: browserSessionsKey });
    },
  });
}
