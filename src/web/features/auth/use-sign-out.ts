import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { sessionKey, setupKey } from './session-keys';

/** Forgets the signed-in account in this browser: its CSRF token and every cached answer but the setup state. */
export async function forgetSession(queryClient: QueryClient): Promise<void> {
  setCsrfToken(null);
  await queryClient.cancelQueries();
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== setupKey[0],
  });
}

/** Ends the session on the server, then forgets every cached answer of this account. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: async () => {
      await forgetSession(queryClient);
      await navigate('/sign-in', { replace: true });
    },
  });
}
