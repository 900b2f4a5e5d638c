import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Organisation } from '../../api/types';
import type { OrganisationInput } from './organisation-input';
import { useInvalidateOrganisations } from './use-invalidate-organisations';

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: OrganisationInput & { name: string }) =>
      api.post<Organisation>('/organisations', input),
    onSuccess: () => invalidate(),
  });
}
