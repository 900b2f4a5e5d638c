import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { useStartSession } from './use-start-session';

export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<SessionInfo>('/auth/login', input),
    onSuccess: start,
  });
}
