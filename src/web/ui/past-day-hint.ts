import { type PastDayKind, pastDayHint } from '../../contracts/past-day';
import { localDay } from './dates';

/**
 * The hint under a due-date or deadline field holding a day before the reader's today (accepted: back-logging is
 * legitimate, but the record will show as overdue), or undefined, as `TextField`'s `hint` takes it.
 */
export function pastDateHint(kind: PastDayKind, day: string, today: string = localDay()): string | undefined {
  return pastDayHint(kind, day, today) ?? undefined;
}
