import type { TodayItem } from '../../contracts/relationships';

/**
 * Today's order (docs/adr/0009-today-ranking.md): integrity first, then people, then upkeep. Groups in order,
 * each sorted by its own urgency (higher first), ties broken by the item key so the order never wobbles.
 */
export const GROUPS = [
  'my-promise-overdue',
  'my-promise-today',
  'my-promise-soon',
  'their-promise-overdue',
  'waiting',
  'intro-decide',
  'date-today',
  'follow-up',
  'thank-broker',
  'keep-in-touch',
  'new-connection',
  'ask',
  'purpose-stale',
  'favour-owed',
  'date-soon',
] as const;
export type Group = (typeof GROUPS)[number];

export interface Candidate extends Omit<TodayItem, 'rank'> {
  group: Group;
  /** Higher is more urgent within the group. */
  urgency: number;
}

export function rankToday(candidates: Candidate[], limit: number): { items: TodayItem[]; more: number } {
  const order = (g: Group) => GROUPS.indexOf(g);
  const sorted = [...candidates].sort(
    (a, b) =>
      order(a.group) - order(b.group) ||
      b.urgency - a.urgency ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    items: sorted.slice(0, limit).map(({ group: _g, urgency: _u, ...item }, i) => ({ ...item, rank: i + 1 })),
    more: Math.max(0, sorted.length - limit),
  };
}
