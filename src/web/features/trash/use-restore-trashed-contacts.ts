import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RestoredContacts } from '../../api/types';
import { useInvalidateRolodex } from '../contacts/use-invalidate-rolodex';

/** Brings back every deleted contact a search finds (all of them without one); every list they belong to is refreshed. */
export function useRestoreTrashedContacts() {
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: ({ q }: { q: string }) =>
      api.post<RestoredContacts>('/trash/contacts/restore', { all: true, ...(q ? { q } : {}) }),
    onSuccess: () => invalidate(),
  });
}
