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

function compare(a: Candidate, b: Candidate): number {
  return (
    GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) ||
    b.urgency - a.urgency ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * The first `limit` candidates in Today's order (as a stable sort would give them) and how many are left. Only the
 * first few are kept in order while scanning: sorting every candidate (hundreds) cost more than the rest of ranking.
 */
export function rankToday(candidates: Candidate[], limit: number): { items: TodayItem[]; more: number } {
  const top: Candidate[] = [];
  for (const c of candidates) {
    if (limit <= 0) break;
    if (top.length === limit && compare(c, top[limit - 1] as Candidate) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(c, top[at - 1] as Candidate) < 0) at--; // after its equals, as a stable sort
    top.splice(at, 0, c);
    if (top.length > limit) top.pop();
  }
  return {
    items: top.map(({ group: _g, urgency: _u, ...item }, i) => ({ ...item, rank: i + 1 })),
    more: Math.max(0, candidates.length - limit),
  };
}
