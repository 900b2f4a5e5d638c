import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Relationship, RelationshipSettingsInput } from '../../api/types';
import { relationshipKeys } from './relationship-keys';

const path = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}/relationship`;

/** Strength, tier, why, cadence and next due date of one contact. */
export function useRelationship(contactId: string) {
  return useQuery({
    queryKey: relationshipKeys.relationship(contactId),
    queryFn: ({ signal }) => api.get<Relationship>(path(contactId), { signal }),
  });
}

/** Closeness, cadence or "not this person"; Today moves with it. */
export function useUpdateRelationship(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RelationshipSettingsInput) => api.patch<Relationship>(path(contactId), input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(relationshipKeys.relationship(contactId), saved);
      await queryClient.invalidateQueries({ queryKey: ['today'] });
    },
  });
}
