import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { OrganisationPastPeoplePage } from '../../api/types';
import { organisationKeys } from './organisation-keys';

const PAGE_SIZE = 200;

/**
 * The people who were at the organisation before, after the first page its detail holds: `start` is that page's
 * `pastNextCursor`. Nothing is read until `enabled` (someone asked to see more).
 */
export function useOrganisationPastPeople(id: string, start: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: organisationKeys.pastPeople(id, start),
    queryFn: ({ pageParam, signal }) =>
      api.get<OrganisationPastPeoplePage>(
        withQuery(`/organisations/${encodeURIComponent(id)}/past-people`, {
          limit: PAGE_SIZE,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: start ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (d) => d.pages.flatMap((p) => p.items),
    enabled: enabled && start !== null,
  });
}
