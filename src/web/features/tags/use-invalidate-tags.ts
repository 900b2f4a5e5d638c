import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Tag changes show up on contacts and in the trash too. */
export function useInvalidateTags(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      ['tags', 'contacts', 'trash'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
  }, [queryClient]);
}
