import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OrganisationDetail } from '../../api/types';
import { organisationKeys } from './organisation-keys';

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`, { signal }),
    enabled: id !== '',
  });
}
