import { useMutation } from '@tanstack/react-query';
import type { ContactTagsInput, ContactTagsResult } from '../../../contracts/tags';
import { api } from '../../api/client';
import { useInvalidateRolodex } from './use-invalidate-rolodex';

/** Adds or removes tags on many contacts at once (by ids, or everyone a list filter shows). */
export function useTagContacts() {
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: (input: ContactTagsInput) => api.post<ContactTagsResult>('/contacts/tags', input),
    onSuccess: () => invalidate(),
  });
}
