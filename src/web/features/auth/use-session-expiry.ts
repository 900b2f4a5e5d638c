import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onUnauthenticated, setCsrfToken } from '../../api/client';
import { sessionKey } from './session-keys';

/** When any call answers 401 (session expired or revoked elsewhere), treat the browser as signed out. */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        queryClient.setQueryData(sessionKey, null);
      }),
    [queryClient],
  );
}
