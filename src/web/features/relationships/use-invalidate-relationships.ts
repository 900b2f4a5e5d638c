import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { RELATIONSHIP_FAMILIES } from './relationship-keys';

/** Refetches whatever a logged interaction, favour or promise may have moved. */
export function useInvalidateRelationships(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(RELATIONSHIP_FAMILIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  }, [queryClient]);
}
