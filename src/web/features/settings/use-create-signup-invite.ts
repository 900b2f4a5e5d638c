import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SignupInvite, SignupInviteInput } from '../../api/types';
import { signupInvitesKey } from './use-signup-invites';

/** Creates a one-time sign-up code; the answer carries the code, which the server never shows again. */
export function useCreateSignupInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignupInviteInput) => api.post<SignupInvite>('/invites', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signupInvitesKey }),
  });
}
