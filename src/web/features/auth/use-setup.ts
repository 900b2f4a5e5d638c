import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SetupState } from '../../api/types';
import { setupKey } from './session-keys';

/** Whether the server still needs its first account, and how sign-up works here. */
export function useSetup() {
  return useQuery({ queryKey: setupKey, queryFn: () => api.get<SetupState>('/setup'), staleTime: 60_000 });
}
