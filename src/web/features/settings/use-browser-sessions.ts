import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BrowserSession } from '../../api/types';

export const browserSessionsKey = ['browser-sessions'] as const;

/** The browsers signed in to this account, this one marked `current`. */
export function useBrowserSessions() {
  return useQuery({
    queryKey: browserSessionsKey,
    queryFn: ({ signal }) => api.get<{ items: BrowserSession[] }>('/auth/sessions', { signal }),
    select: (d) => d.items,
  });
}
