import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrokerDecisionInput,
  Introduction,
  IntroductionListPage,
  IntroRequestInput,
  TargetDecisionInput,
} from '../../../contracts/introductions';
import { api, withQuery } from '../../api/client';

export const introKeys = {
  all: ['introductions'] as const,
  list: ['introductions', 'list'] as const,
  one: (id: string) => ['introductions', 'one', id] as const,
};

const at = (id: string) => `/introductions/${encodeURIComponent(id)}`;

/** After any introduction write: the lists, Today (decisions, thanks), asks (an answer's introduction) and contacts. */
function useAfterWrite() {
  const qc = useQueryClient();
  return (saved: Introduction) => {
    qc.setQueryData(introKeys.one(saved.id), saved);
    return Promise.all(
      [introKeys.list, ['today'], ['asks'], ['contacts'], ['network', 'access-log']].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
  };
}

// As many as the page showed before it was paged: open requests expire, so one waiting on me is on the first page.
const PAGE = 200;

/** The introductions I am a party to, newest first, a page at a time (inbox and outbox are split by role on the page). */
export function useIntroductions() {
  return useInfiniteQuery({
    queryKey: introKeys.list,
    queryFn: ({ pageParam, signal }) =>
      api.get<IntroductionListPage>(withQuery('/introductions', { limit: PAGE, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useIntroduction(id: string) {
  return useQuery({
    queryKey: introKeys.one(id),
    queryFn: ({ signal }) => api.get<Introduction>(at(id), { signal }),
  });
}

export function useRequestIntroduction() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: IntroRequestInput) => api.post<Introduction>('/introductions', input),
    onSuccess: after,
  });
}

export function useBrokerDecision(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: BrokerDecisionInput) => api.post<Introduction>(`${at(id)}/broker-decision`, input),
    onSuccess: after,
  });
}

export function useTargetDecision(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (input: TargetDecisionInput) => api.post<Introduction>(`${at(id)}/target-decision`, input),
    onSuccess: after,
  });
}

export function useWithdrawIntroduction(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: () => api.post<Introduction>(`${at(id)}/withdraw`),
    onSuccess: after,
  });
}

export function useReportOutcome(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (outcome: string) => api.patch<Introduction>(at(id), { outcome }),
    onSuccess: after,
  });
}
