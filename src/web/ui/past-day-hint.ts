import { type PastDayKind, pastDayHint } from '../../contracts/past-day';

/**
 * The hint under a due-date or deadline field holding a day before `today`, the account's own day (accepted:
 * back-logging is legitimate, but the record will show as overdue), or undefined, as `TextField`'s `hint` takes it.
 */
export function pastDateHint(kind: PastDayKind, day: string, today: string): string | undefined {
  return pastDayHint(kind, day, today) ?? undefined;
}
