import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import type { SessionInfo, SignupInput, SignupPending } from '../../api/types';
import { adoptBrowserTimeZone } from './adopt-browser-time-zone';
import { isPendingSignup, rememberAfterSignUp } from './signup-result';
import { useStartSession } from './use-start-session';

/** Signs up: either signed in at once, or (a server with mail) "check your inbox" and no session yet. */
export function useSignUp() {
  const start = useStartSession();
  const { state } = useLocation();
  return useMutation({
    mutationFn: async (input: SignupInput) => {
      const result = await api.post<SessionInfo | SignupPending>('/auth/signup', input);
      if (!isPendingSignup(result)) await adoptBrowserTimeZone(result);
      return result;
    },
    onSuccess: (result) => {
      // The e-mailed link opens without this page's state: keep where sign-up started for it.
      if (isPendingSignup(result))
        rememberAfterSignUp(localStorage, (state as { from?: unknown } | null)?.from);
      else start(result);
    },
  });
}
