import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganisationDuplicateList } from '../../../contracts/organisations';
import { api, withQuery } from '../../api/client';
import type { Organisation, OrganisationMergeResult } from '../../api/types';
import { plural } from '../../ui/format';
import { useToast } from '../../ui/use-toast';
import { useInvalidateOrganisations } from '../organisations/use-invalidate-organisations';

// Under 'organisations', so every organisation change (merge, rename, trash) refreshes the suggestions too.
const key = ['organisations', 'duplicates'] as const;

// As the pairs of people (use-duplicates.ts): 200 cards took seconds to draw; "Show more" brings the next 50.
const PAGE = 50;

/** Organisations that may be one company under two spellings, strongest first, a page at a time, with how many in all. */
export function useOrganisationDuplicates() {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) =>
      api.get<OrganisationDuplicateList>(
        withQuery('/organisations/duplicates', { limit: PAGE, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Merges `from` into `into` and stays on the list (the organisation page's merge opens the kept one instead); the
 * notice offers Undo.
 */
export function useMergeOrganisationPair() {
  const invalidateOrganisations = useInvalidateOrganisations();
  const queryClient = useQueryClient();
  // Contact pairs show organisation names too.
  const invalidate = () =>
    Promise.all([invalidateOrganisations(), queryClient.invalidateQueries({ queryKey: ['duplicates'] })]);
  const toast = useToast();
  const undo = useMutation({
    mutationFn: (mergeId: string) =>
      api.post<Organisation>(`/organisations/merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: (back) => toast.show({ message: `${back.name} is separate again.` }),
    onError: (e) => toast.show({ message: `Could not undo the merge: ${e.message}`, tone: 'error' }),
    onSettled: () => invalidate(),
  });
  return useMutation({
    mutationFn: ({ from, into }: { from: Organisation; into: Organisation }) =>
      api.post<OrganisationMergeResult>(`/organisations/${encodeURIComponent(from.id)}/merge`, {
        into: into.id,
      }),
    onSuccess: (result, { from }) =>
      toast.show({
        message: `Merged ${from.name} into ${result.organisation.name}: ${plural(result.movedContacts, 'person', 'people')} moved.`,
        action: { label: 'Undo', onClick: () => undo.mutate(result.mergeId) },
      }),
    onError: (e) => toast.show({ message: `Could not merge: ${e.message}`, tone: 'error' }),
    onSettled: () => invalidate(),
  });
}

/** "Different companies": the pair is not suggested again. */
export function useDismissOrganisationPair() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: { a: string; b: string }) =>
      api.post<void>('/organisations/duplicates/dismiss', input),
    onSettled: () => invalidate(),
  });
}
