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

/**
 * How urgent a lapsed contact is (ADR 9): how close the tie was when last in touch × (1 + days overdue ÷ interval),
 * with no cap, so each interval missed adds as much again and of two equally close ties the one further behind its
 * own rhythm comes first. A tie valued today would fall as the lapse goes on (strength decays), so someone
 * neglected longer could sink below someone just due: the tie is the one they had, not what the silence left.
 */
export function keepInTouchUrgency(tie: number, daysOverdue: number, cadenceDays: number): number {
  // A tie counts at least 1: among people with nothing logged yet (all 0), the furthest behind still comes first.
  return Math.max(1, tie) * (1 + Math.max(0, daysOverdue) / cadenceDays);
}

function compare(a: Candidate, b: Candidate): number {
  return (
    GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) ||
    b.urgency - a.urgency ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** The first `k` candidates in Today's order, scanning once and keeping only those (after their equals, as a stable sort). */
function topOf(candidates: Candidate[], k: number): Candidate[] {
  const top: Candidate[] = [];
  for (const c of candidates) {
    if (k <= 0) break;
    if (top.length === k && compare(c, top[k - 1] as Candidate) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(c, top[at - 1] as Candidate) < 0) at--;
    top.splice(at, 0, c);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * The first `limit` candidates in Today's order and how many are left, with one exception to the order: keeping in
 * touch takes at most half the list while later groups have items (ADR 9, 2026-11-27). A backlog of lapsed
 * contacts would otherwise fill every slot every day, and new connections, asks and purposes would never show.
 * Only the first few are kept in order while scanning: sorting every candidate (hundreds) cost more than the rest.
 */
export function rankToday(candidates: Candidate[], limit: number): { items: TodayItem[]; more: number } {
  const upkeep: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of candidates) (c.group === 'keep-in-touch' ? upkeep : rest).push(c);
  const cap = Math.ceil(limit / 2);
  const lapsed = topOf(upkeep, limit);
  let top = topOf([...topOf(rest, limit), ...lapsed.slice(0, cap)], limit);
  // Nothing else to show: the lapsed contacts past the cap fill the list after all.
  if (top.length < limit) top = topOf([...top, ...lapsed.slice(cap, cap + limit - top.length)], limit);
  return {
    items: top.map(({ group: _g, urgency: _u, ...item }, i) => ({ ...item, rank: i + 1 })),
    more: Math.max(0, candidates.length - limit),
  };
}
