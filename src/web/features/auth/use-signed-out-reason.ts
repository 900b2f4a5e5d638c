import { useQuery } from '@tanstack/react-query';
import type { SessionEndReason } from '../../api/types';
import { signedOutKey } from './session-keys';

/** Why this browser was last signed out by something other than itself, or null (set on a 401 that said why). */
export function useSignedOutReason(): SessionEndReason | null {
  const { data } = useQuery({
    queryKey: signedOutKey,
    // Nothing to fetch: the 401 listeners set it, and without one there is nothing to say.
    queryFn: (): SessionEndReason | null => null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ?? null;
}
