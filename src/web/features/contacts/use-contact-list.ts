import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ContactPage } from '../../api/types';
import { type ContactListParams, contactKeys } from './contact-keys';

const PAGE_SIZE = 50;

/** Pages of contacts for the list/search; the previous results stay on screen while the next query loads. */
export function useContactList(params: ContactListParams) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<ContactPage>(
        withQuery('/contacts', {
          q: params.q,
          tag: params.tag,
          organisation: params.organisation,
          sort: params.q ? undefined : params.sort,
          limit: PAGE_SIZE,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
