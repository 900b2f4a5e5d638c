import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contact, ContactCreateInput } from '../../api/types';
import { contactKeys } from './contact-keys';
import { useInvalidateRolodex } from './use-invalidate-rolodex';

export function useCreateContact() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  return useMutation({
    mutationFn: (input: ContactCreateInput) => api.post<Contact>('/contacts', input),
    onSuccess: async (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      await invalidate();
    },
  });
}
