import type { PaceState } from '../../contracts/purposes';
import { daysBetween } from '../agenda/local-day';

/**
 * How far along a purpose should be today if it moved evenly from its start day to its deadline, and whether it
 * is: the target reached ('done'), short of the people expected by now ('behind'), or not ('on-pace'). Without a
 * deadline nothing is late; without a target there is no pace.
 */
export function pace(
  p: { targetCount: number | null; done: number; startDay: string; deadline: string | null },
  today: string,
): { expectedByToday: number | null; state: PaceState } {
  if (p.targetCount === null) return { expectedByToday: null, state: 'no-target' };
  let expected: number | null = null;
  if (p.deadline) {
    const span = daysBetween(p.startDay, p.deadline);
    // A deadline on (or before) the start day expects everything from the start.
    const share = span <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(p.startDay, today) / span));
    expected = Math.round(p.targetCount * share * 10) / 10;
  }
  if (p.done >= p.targetCount) return { expectedByToday: expected, state: 'done' };
  // People are done one at a time: behind only once a whole person expected by now is missing, not on day one.
  const behind = expected !== null && p.done < Math.floor(expected);
  return { expectedByToday: expected, state: behind ? 'behind' : 'on-pace' };
}
