import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contact, ContactUpdateInput } from '../../api/types';
import { contactKeys } from './contact-keys';
import { useInvalidateRolodex } from './use-invalidate-rolodex';

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: (input: ContactUpdateInput) =>
      api.patch<Contact>(`/contacts/${encodeURIComponent(id)}`, input),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(id), contact);
      await invalidate();
    },
  });
}
