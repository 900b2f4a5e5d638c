import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, hasSessionCookie, isApiError, setCsrfToken } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { sessionKey, signedOutKey } from './session-keys';
import { signedOutReason } from './signed-out-reason';

/** The signed-in account, or `null` when signed out (a 401 is an answer here, not an error). */
export function useSession() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionInfo | null> => {
      // No readable CSRF cookie means no session: skip the probe (and the 401 it would log in the console).
      if (!hasSessionCookie()) return null;
      try {
        const info = await api.get<SessionInfo>('/auth/session', { quiet401: true });
        setCsrfToken(info.csrfToken);
        return info;
      } catch (e) {
        if (isApiError(e) && e.status === 401) {
          const reason = signedOutReason(e);
          if (reason) queryClient.setQueryData(signedOutKey, reason);
          return null;
        }
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
