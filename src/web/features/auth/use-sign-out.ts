import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { sessionKey, setupKey } from './session-keys';

/** Ends the session on the server, then forgets every cached answer of this account. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: async () => {
      setCsrfToken(null);
      await queryClient.cancelQueries();
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({
        predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== setupKey[0],
      });
      await navigate('/sign-in', { replace: true });
    },
  });
}
