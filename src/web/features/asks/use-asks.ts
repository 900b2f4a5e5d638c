import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Ask,
  AskAnswerInput,
  AskDetail,
  AskInput,
  AskListPage,
  askCloseInput,
  closeAskResult,
} from '../../../contracts/asks';
import { api, withQuery } from '../../api/client';

export const askKeys = {
  all: ['asks'] as const,
  list: (from: 'mine' | 'connections') => ['asks', 'list', from] as const,
  one: (id: string) => ['asks', 'one', id] as const,
};

const at = (id: string) => `/asks/${encodeURIComponent(id)}`;

/** After any ask write: the asks, Today (asks on it), introductions (an answer can start one) and favours. */
function useAfterWrite() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [askKeys.all, ['today'], ['introductions'], ['relationship']].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
}

const PAGE = 200;

/** mine: the asks I posted; connections: my connections' open asks; newest first, a page at a time. */
export function useAsks(from: 'mine' | 'connections') {
  return useInfiniteQuery({
    queryKey: askKeys.list(from),
    queryFn: ({ pageParam, signal }) =>
      api.get<AskListPage>(withQuery('/asks', { from, limit: PAGE, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAsk(id: string) {
  return useQuery({
    queryKey: askKeys.one(id),
    queryFn: ({ signal }) => api.get<AskDetail>(at(id), { signal }),
  });
}

export function usePostAsk() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: AskInput) => api.post<Ask>('/asks', input),
    onSuccess: after,
  });
}

export function useAnswerAsk(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: AskAnswerInput) => api.post<Ask>(`${at(id)}/answers`, input),
    onSuccess: after,
  });
}

export function useCloseAsk(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: z.input<typeof askCloseInput>) =>
      api.post<z.infer<typeof closeAskResult>>(`${at(id)}/close`, input),
    onSuccess: after,
  });
}

export function useDeleteAsk(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(at(id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: askKeys.one(id) });
      return Promise.all(
        [askKeys.list('mine'), ['today']].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
}
