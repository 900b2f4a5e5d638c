import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organisation, Trashed } from '../../api/types';
import { useToast } from '../../ui/use-toast';
import { organisationKeys } from './organisation-keys';
import { useInvalidateOrganisations } from './use-invalidate-organisations';

/** Moves an organisation to the trash and offers "Undo", which brings the user back to it. */
export function useDeleteOrganisation() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateOrganisations();
  const toast = useToast();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (org: Pick<Organisation, 'id' | 'name'>) =>
      api.delete<Trashed>(`/organisations/${encodeURIComponent(org.id)}`),
    onSuccess: async (_r, org) => {
      await navigate('/organisations');
      await invalidate(organisationKeys.detail(org.id));
      queryClient.removeQueries({ queryKey: organisationKeys.detail(org.id), type: 'inactive' });
      toast.show({
        message: `Moved ${org.name} to the trash.`,
        action: {
          label: 'Undo',
          onClick: async () => {
            try {
              await api.post<Organisation>(`/organisations/${encodeURIComponent(org.id)}/restore`);
              await invalidate();
              await navigate(`/organisations/${org.id}`);
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
