import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SignupInviteSummary } from '../../api/types';

export const signupInvitesKey = ['signup-invites'] as const;

/** My sign-up invites that can still be used (never their codes). */
export function useSignupInvites() {
  return useQuery({
    queryKey: signupInvitesKey,
    queryFn: ({ signal }) => api.get<{ items: SignupInviteSummary[] }>('/invites', { signal }),
    select: (d) => d.items,
  });
}

/** Revokes an unused invite: its code no longer signs anyone up. */
export function useRevokeSignupInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/invites/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signupInvitesKey }),
  });
}
