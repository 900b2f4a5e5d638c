import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contact } from '../../api/types';
import { contactKeys } from './contact-keys';

export function useContact(id: string) {
  return useQuery({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${encodeURIComponent(id)}`, { signal }),
    // The contact as parsed, never merged into the one held before: the object carries its ETag (etagOf), which an
    // edit sends back as If-Match.
    structuralSharing: false,
    // Back from another tab (or app), read it again: an open edit form then says when it changed meanwhile.
    refetchOnWindowFocus: 'always',
  });
}
