import { useEffect, useRef, useState } from 'react';
import { localDay } from '../../ui/dates';
import { useAccountSettings } from './use-profile';

/**
 * The calendar day (`YYYY-MM-DD`) at `at` in a time zone; the browser's own day when the zone is not known yet or
 * not one this browser knows.
 */
export function dayInZone(timeZone: string | undefined, at: Date = new Date()): string {
  if (!timeZone) return localDay(at);
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  } catch {
    return localDay(at);
  }
}

/**
 * Today in the account's time zone (Settings): the day the server counts "overdue", "in the future" and keeping in
 * touch by, which is not the browser's when travelling or when the account keeps another zone on purpose.
 */
export function useAccountToday(): string {
  return dayInZone(useAccountTimeZone());
}

/** The account's time zone once the settings have loaded. */
export function useAccountTimeZone(): string | undefined {
  return useAccountSettings().data?.timeZone;
}

/**
 * A date field's state that starts at `fromToday(account's today)` and, until the person types in it, follows the
 * account's day once the settings have loaded (the first render may only know the browser's day).
 */
export function useDayField(initial: string | undefined, fromToday: (today: string) => string) {
  const today = useAccountToday();
  const [value, setValue] = useState(() => initial ?? fromToday(today));
  const untouched = useRef(initial === undefined);
  const follow = useRef(fromToday);
  follow.current = fromToday;
  useEffect(() => {
    if (untouched.current) setValue(follow.current(today));
  }, [today]);
  const change = (next: string) => {
    untouched.current = false;
    setValue(next);
  };
  return [value, change] as const;
}
