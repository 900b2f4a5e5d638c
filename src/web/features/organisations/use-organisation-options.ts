import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { OrganisationPage } from '../../api/types';
import { organisationKeys } from './organisation-keys';

/** The first 200 organisations by name: enough for a filter menu and the organisation suggestions. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: organisationKeys.options,
    queryFn: ({ signal }) =>
      api.get<OrganisationPage>(withQuery('/organisations', { limit: 200 }), { signal }),
    select: (page) => page.items,
  });
}
