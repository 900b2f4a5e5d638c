import { type Query, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Organisation changes show up on contacts and in the trash too; `except` skips one cached item (see contacts). */
export function useInvalidateOrganisations(): (except?: readonly unknown[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (except?: readonly unknown[]) => {
      const skip = (q: Query) =>
        except !== undefined && JSON.stringify(q.queryKey) === JSON.stringify(except);
      await Promise.all(
        ['organisations', 'contacts', 'trash'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key], predicate: (q) => !skip(q) }),
        ),
      );
    },
    [queryClient],
  );
}
