import { useQuery } from '@tanstack/react-query';
import type { OutreachItem } from '../../../contracts/outreach';
import { api } from '../../api/client';

/** The contact's outreach item, if any; under the outreach keys, so every outreach write refreshes it. */
export function useContactOutreach(contactId: string) {
  return useQuery({
    queryKey: ['outreach', 'contact', contactId] as const,
    queryFn: ({ signal }) =>
      api.get<{ item: OutreachItem | null }>(`/contacts/${encodeURIComponent(contactId)}/outreach`, {
        signal,
      }),
  });
}
