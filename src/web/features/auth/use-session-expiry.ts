import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onUnauthenticated, setCsrfToken } from '../../api/client';
import { sessionKey, signedOutKey } from './session-keys';
import { signedOutReason } from './signed-out-reason';

/**
 * When any call answers 401 (session expired or ended elsewhere), treat the browser as signed out, remembering why
 * when the server said (for the sign-in page).
 */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated((error) => {
        const reason = signedOutReason(error);
        if (reason) queryClient.setQueryData(signedOutKey, reason);
        setCsrfToken(null);
        queryClient.setQueryData(sessionKey, null);
      }),
    [queryClient],
  );
}
