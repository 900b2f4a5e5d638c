import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, etagOf, isApiError } from '../../api/client';
import type { Contact, ContactUpdateInput } from '../../api/types';
import { contactKeys } from './contact-keys';
import { useInvalidateRolodex } from './use-invalidate-rolodex';

export const CHANGED_ELSEWHERE =
  'This contact was changed elsewhere since you opened it. Reload the page to see the changes, then make yours again.';

/**
 * Saves an edit of the contact as `read` (the version the form shows), with the ETag it was read with as
 * `If-Match`: a change made elsewhere meanwhile (another tab, the CLI, a phone) is not overwritten, the save is
 * refused with a message that says to reload. A contact the app holds without its ETag is saved as before.
 */
export async function saveContact(id: string, input: ContactUpdateInput, read?: Contact): Promise<Contact> {
  const etag = read ? etagOf(read) : undefined;
  try {
    return await api.patch<Contact>(`/contacts/${encodeURIComponent(id)}`, input, {
      headers: etag ? { 'If-Match': etag } : {},
    });
  } catch (e) {
    if (isApiError(e) && e.code === 'precondition_failed')
      throw new ApiError(e.status, e.code, CHANGED_ELSEWHERE, [], e.details);
    throw e;
  }
}

export function useUpdateContact(id: string, read?: Contact) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: (input: ContactUpdateInput) => saveContact(id, input, read),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(id), contact);
      await invalidate();
    },
  });
}
