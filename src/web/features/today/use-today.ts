import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { InteractionDirection, InteractionKind, TodayItem, TodayList } from '../../api/types';
import { relationshipKeys } from '../relationships/relationship-keys';
import { useInvalidateRelationships } from '../relationships/use-invalidate-relationships';

/** The ranked agenda (the account's own length unless `limit` asks for more). */
export function useToday(limit: number | undefined) {
  return useQuery({
    queryKey: relationshipKeys.today(limit),
    queryFn: ({ signal }) => api.get<TodayList>(withQuery('/today', { limit }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export type TodayAction =
  | { key: string; action: 'done' | 'undo' }
  | { key: string; action: 'snooze'; until: string };

/** Done hides the item for good; snooze hides it until a day. */
export function useTodayAction() {
  const invalidate = useInvalidateRelationships();
  return useMutation({
    mutationFn: (input: TodayAction) => api.post<void>('/today/actions', input),
    onSuccess: invalidate,
  });
}

/** The promise behind a `promise:<id>` or `their-promise:<id>` item. */
export function promiseIdOf(key: string): string | null {
  const m = /^(?:their-)?promise:(.+)$/.exec(key);
  return m?.[1] ?? null;
}

/**
 * Where an introduction or ask item's action goes: `intro:<id>:broker|target` (decide) and `intro-outcome:<id>`
 * open the introduction, `ask:<id>` the ask (src/core/introductions/today-introductions.ts, core/asks/today-asks.ts);
 * `connection-request:<id>` the Connections page, where requests are accepted or declined.
 */
export function networkTargetOf(key: string): string | null {
  if (key.startsWith('connection-request:')) return '/network/connections';
  const intro = /^intro(?:-outcome)?:([^:]+)/.exec(key);
  if (intro) return `/introductions/${intro[1]}`;
  const ask = /^ask(?:-offer)?:([^:]+)/.exec(key);
  if (ask) return `/asks/${ask[1]}`;
  return null;
}

/**
 * How the quick log form starts for an item: as the server says (a reply goes back the way their last word came, a
 * check-in the way the last contact went: `action.logAs`), else as a message — a check-in is most often a message or
 * a call, seldom a meeting. Who reached out follows from the item: a reply or wishes are mine, and so is a check-in
 * by message or e-mail (logged as both ways it counted as an exchange that has not happened yet, and strength with
 * it); a call or a meeting is both of us.
 */
export function logDefaultsOf(item: Pick<TodayItem, 'kind' | 'action'>): {
  kind: InteractionKind;
  direction: InteractionDirection;
} {
  const kind = item.action.logAs ?? 'message';
  const mine = item.kind === 'waiting' || item.kind === 'birthday' || kind === 'message' || kind === 'email';
  return { kind, direction: mine ? 'outbound' : 'mutual' };
}
