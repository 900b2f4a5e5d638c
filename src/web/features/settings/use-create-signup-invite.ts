import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SignupInvite, SignupInviteInput } from '../../api/types';

/** Creates a one-time sign-up code; the answer carries the code, which the server never shows again. */
export function useCreateSignupInvite() {
  return useMutation({
    mutationFn: (input: SignupInviteInput) => api.post<SignupInvite>('/invites', input),
  });
}
