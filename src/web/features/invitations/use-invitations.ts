import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { InvitationDirection, InvitationPage } from '../../../contracts/invitations';
import { api, withQuery } from '../../api/client';

const PAGE = 50;

/** The LinkedIn invitations, newest first, a page at a time; `direction` '' is both. */
export function useInvitations(direction: InvitationDirection | '') {
  return useInfiniteQuery({
    queryKey: ['invitations', direction],
    queryFn: ({ pageParam, signal }) =>
      api.get<InvitationPage>(withQuery('/invitations', { direction, limit: PAGE, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Which contact an invitation leads to changes with any contact write: read it afresh on every visit.
    staleTime: 0,
  });
}
