import { getSettings } from '../core/agenda/get-settings';
import { daysBetween, localDay, shiftDay, zonedInstant } from '../core/agenda/local-day';
import type { Ctx } from '../core/context';
import { validationError } from '../core/errors';

/** "Now" for the acting account: the instant, its time zone, and the calendar day there. */
export interface LocalNow {
  now: Date;
  timeZone: string;
  today: string;
}

/** The account's own "today" (its time-zone setting), the day relative dates count from. */
export async function localNow(ctx: Ctx): Promise<LocalNow> {
  const { timeZone } = await getSettings(ctx);
  const now = ctx.clock.now();
  return { now, timeZone, today: localDay(now, timeZone) };
}

const DAY_WORDS = 'YYYY-MM-DD, today, yesterday, tomorrow, or +N / -N days from today';

function isRealDate(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/**
 * A calendar day typed by a person: YYYY-MM-DD, `today`, `yesterday`, `tomorrow` or `+N`/`-N` days, counted in
 * the account's time zone. Anything else is a `validation` error on `path` (the use case's field name).
 */
export function parseDay(value: string, today: string, path: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'today') return today;
  if (v === 'yesterday') return shiftDay(today, -1);
  if (v === 'tomorrow') return shiftDay(today, 1);
  // `-9`, and `-9 days` / `-9d` as people type it after reading the help.
  const rel = /^([+-])(\d{1,4})(?:\s*(?:d|days?))?$/.exec(v);
  if (rel) return shiftDay(today, (rel[1] === '-' ? -1 : 1) * Number(rel[2]));
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v)) return v;
  throw validationError(path, `must be ${DAY_WORDS} (got "${value}")`);
}

/**
 * When something happened, as the ISO-8601 instant `recordInteraction` takes: an ISO time with an offset is used as
 * is; one without an offset is read in the account's time zone; a day alone means now when it is today, else
 * midday that day (so the day stays the same in any zone). The use case itself refuses times in the future.
 */
export function parseMoment(value: string, at: LocalNow, path: string): string {
  const v = value.trim();
  if (v.toLowerCase() === 'now') return at.now.toISOString();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t) && isRealDate(v.slice(0, 10))) return new Date(t).toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) && isRealDate(v.slice(0, 10))) {
    return zonedInstant(v.length === 16 ? `${v}:00` : v, at.timeZone).toISOString();
  } else {
    let day: string | undefined;
    try {
      day = parseDay(v, at.today, path);
    } catch {
      // Reported below with the fuller list of what a time may be.
    }
    if (day === at.today) return at.now.toISOString();
    if (day) return zonedInstant(`${day}T12:00:00`, at.timeZone).toISOString();
  }
  throw validationError(
    path,
    `must be an ISO time (2024-05-01T14:30, with or without an offset), ${DAY_WORDS} (got "${value}")`,
  );
}

/**
 * When an interaction happened, as `recordInteraction`/`updateInteraction` take it: a day alone (YYYY-MM-DD,
 * yesterday, -N…) stays a day, so the interaction is dated without an invented time; anything else is read as
 * `parseMoment` reads it.
 */
export function parseOccurred(value: string, at: LocalNow, path: string): string {
  try {
    return parseDay(value, at.today, path);
  } catch {
    return parseMoment(value, at, path);
  }
}

/** "today", "in 3 days", "2 days ago": a day relative to the account's today. */
export function relativeDay(day: string, today: string): string {
  const n = daysBetween(today, day);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/** The day of an ISO instant in the account's time zone. */
export function dayOf(instant: string, timeZone: string): string {
  return localDay(new Date(instant), timeZone);
}
