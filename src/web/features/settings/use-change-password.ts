import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { useStartSession } from '../auth/use-start-session';

/** Changes the password; the server revokes every other session and hands this browser a new one. */
export function useChangePassword() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<SessionInfo>('/auth/password', input),
    onSuccess: start,
  });
}
