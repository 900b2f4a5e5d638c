import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { adoptBrowserTimeZone } from './adopt-browser-time-zone';
import { useStartSession } from './use-start-session';

/** Follows an e-mailed sign-up link: the account is made and this browser signed in. */
export function useConfirmSignup() {
  const start = useStartSession();
  return useMutation({
    mutationFn: async (token: string) => {
      const session = await api.post<SessionInfo>('/auth/signup/confirm', { token });
      await adoptBrowserTimeZone(session);
      return session;
    },
    onSuccess: start,
  });
}
