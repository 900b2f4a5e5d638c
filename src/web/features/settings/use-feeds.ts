import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CreatedFeedToken, FeedToken, FeedTokenInput } from '../../api/types';

const feedsKey = ['feeds'] as const;

/** My calendar feeds (never their secret addresses). */
export function useFeeds() {
  return useQuery({
    queryKey: feedsKey,
    queryFn: ({ signal }) => api.get<{ items: FeedToken[] }>('/feeds', { signal }),
    select: (d) => d.items,
  });
}

/** A new secret feed address, named or not: shown in this answer only. */
export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedTokenInput) => api.post<CreatedFeedToken>('/feeds', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/feeds/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
