import { type Query, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * A contact change can move counts and lists everywhere: contacts, organisations, tags, the trash and the
 * duplicate suggestions.
 * `except` skips one cached item (e.g. the contact just deleted, whose page is still on screen: refetching it
 * would only earn a 404).
 */
export function useInvalidateRolodex(): (except?: readonly unknown[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (except?: readonly unknown[]) => {
      const skip = (q: Query) =>
        except !== undefined && JSON.stringify(q.queryKey) === JSON.stringify(except);
      await Promise.all(
        ['contacts', 'organisations', 'tags', 'trash', 'duplicates'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key], predicate: (q) => !skip(q) }),
        ),
      );
    },
    [queryClient],
  );
}
