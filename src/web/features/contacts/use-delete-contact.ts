import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Contact, Trashed } from '../../api/types';
import { useToast } from '../../ui/use-toast';
import { contactKeys } from './contact-keys';
import { useInvalidateRolodex } from './use-invalidate-rolodex';

/** Moves a contact to the trash, goes to the list and offers "Undo", which brings the user back to the contact. */
export function useDeleteContact() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRolodex();
  const toast = useToast();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (contact: Pick<Contact, 'id' | 'displayName'>) =>
      api.delete<Trashed>(`/contacts/${encodeURIComponent(contact.id)}`),
    onSuccess: async (_result, contact) => {
      // The contact's page may still be on screen: leave it before dropping its data, so nothing refetches a 404.
      await navigate('/contacts');
      await invalidate(contactKeys.detail(contact.id));
      queryClient.removeQueries({ queryKey: contactKeys.detail(contact.id), type: 'inactive' });
      toast.show({
        message: `Moved ${contact.displayName} to the trash.`,
        action: {
          label: 'Undo',
          onClick: async () => {
            try {
              await api.post<Contact>(`/contacts/${encodeURIComponent(contact.id)}/restore`);
              await invalidate();
              toast.show({ message: `Restored ${contact.displayName}.` });
              await navigate(`/contacts/${contact.id}`);
            } catch (e) {
              toast.show({
                message: `Could not restore: ${e instanceof Error ? e.message : 'unknown error'}`,
                tone: 'error',
              });
            }
          },
        },
      });
    },
  });
}
