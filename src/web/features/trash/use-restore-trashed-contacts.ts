import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RestoredContacts } from '../../api/types';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';

/**
 * Brings back every deleted contact a search finds (all of them without one), of those the undo of `importId` sent
 * to the trash when given; every list they belong to is refreshed.
 */
export function useRestoreTrashedContacts() {
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: ({ q, importId }: { q: string; importId?: string }) =>
      api.post<RestoredContacts>('/trash/contacts/restore', {
        all: true,
        ...(q ? { q } : {}),
        ...(importId ? { import: importId } : {}),
      }),
    onSuccess: () => invalidate(),
  });
}
