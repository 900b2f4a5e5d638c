import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { OrganisationPage } from '../../api/types';
import { organisationKeys } from './organisation-keys';

/** Up to 20 organisations whose name contains `q` (by name): suggestions while typing a name. */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<OrganisationPage>(withQuery('/organisations', { q: q || undefined, limit: 20 }), { signal }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}
