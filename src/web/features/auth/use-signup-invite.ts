import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Whether an invite code (from an invite link) is usable, and the address it is for: the sign-up form fills it in. */
export function useSignupInvite(code: string) {
  return useQuery({
    queryKey: ['signup-invite', code],
    queryFn: () => api.post<{ email: string | null }>('/invites/inspect', { code }),
    enabled: code !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
