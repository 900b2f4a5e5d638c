import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organisation, OrganisationMergeResult } from '../../api/types';
import { plural } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { organisationKeys } from './organisation-keys';
import { useInvalidateOrganisations } from './use-invalidate-organisations';
import { useUndoOrganisationMerge } from './use-undo-organisation-merge';

/** Merges organisation `from` into `into`, opens the kept one and offers "Undo". */
export function useMergeOrganisation() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateOrganisations();
  const undo = useUndoOrganisationMerge();
  const toast = useToast();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: ({ from, into }: { from: Pick<Organisation, 'id' | 'name'>; into: string }) =>
      api.post<OrganisationMergeResult>(`/organisations/${encodeURIComponent(from.id)}/merge`, { into }),
    onSuccess: async (result, { from }) => {
      await navigate(`/organisations/${result.organisation.id}`);
      // The merged organisation's page is gone (404): drop it rather than refetch it.
      await invalidate(organisationKeys.detail(from.id));
      queryClient.removeQueries({ queryKey: organisationKeys.detail(from.id), type: 'inactive' });
      toast.show({
        message: `Merged ${from.name} into ${result.organisation.name}: ${plural(result.movedContacts, 'person', 'people')} moved.`,
        action: { label: 'Undo', onClick: () => undo.mutate(result.mergeId) },
      });
    },
  });
}
