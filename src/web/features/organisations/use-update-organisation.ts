import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Organisation } from '../../api/types';
import type { OrganisationInput } from './organisation-input';
import { useInvalidateOrganisations } from './use-invalidate-organisations';

export function useUpdateOrganisation(id: string) {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: OrganisationInput) =>
      api.patch<Organisation>(`/organisations/${encodeURIComponent(id)}`, input),
    onSuccess: () => invalidate(),
  });
}
