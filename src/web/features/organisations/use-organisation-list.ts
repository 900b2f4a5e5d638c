import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { OrganisationPage } from '../../api/types';
import { organisationKeys } from './organisation-keys';

/** Pages of organisations, filtered by a name prefix. */
export function useOrganisationList(q: string) {
  return useInfiniteQuery({
    queryKey: organisationKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      api.get<OrganisationPage>(withQuery('/organisations', { q, limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
