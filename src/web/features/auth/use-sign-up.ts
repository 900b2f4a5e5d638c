import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo, SignupInput } from '../../api/types';
import { useStartSession } from './use-start-session';

export function useSignUp() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (input: SignupInput) => api.post<SessionInfo>('/auth/signup', input),
    onSuccess: start,
  });
}
