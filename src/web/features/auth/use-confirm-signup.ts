import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { useStartSession } from './use-start-session';

/** Follows an e-mailed sign-up link: the account is made and this browser signed in. */
export function useConfirmSignup() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (token: string) => api.post<SessionInfo>('/auth/signup/confirm', { token }),
    onSuccess: start,
  });
}
