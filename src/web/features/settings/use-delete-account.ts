import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { setupKey } from '../auth/session-keys';
import { forgetSession } from '../auth/use-sign-out';

/** Deletes the signed-in account (the server checks the password), then leaves as sign-out does. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: { password: string }) => api.delete<void>('/account', input),
    onSuccess: async () => {
      await forgetSession(queryClient);
      // The setup state may have changed (the last account gone: first-run again).
      await queryClient.invalidateQueries({ queryKey: setupKey });
      await navigate('/sign-in', { replace: true, state: { accountDeleted: true } });
    },
  });
}
