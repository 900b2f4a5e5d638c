import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { setCsrfToken } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { sessionKey, setupKey, signedOutKey } from './session-keys';

/** Stores a fresh session (from sign-up, sign-in or a password change) so every page sees it at once. */
export function useStartSession(): (info: SessionInfo) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      queryClient.setQueryData(sessionKey, info);
      queryClient.removeQueries({ queryKey: signedOutKey });
      void queryClient.invalidateQueries({ queryKey: setupKey });
    },
    [queryClient],
  );
}
