import type { DateOrder } from './column-plan';

// English month names (ICU spells these alike everywhere; only its punctuation of whole dates varies).
const monthName = (m: number) =>
  new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });

/**
 * Why a date cell could not be read (parseContactDate gave nothing), in words that say what to do: a day the
 * calendar does not have (`1990-02-29`), a slashed date either way round while no country says which (`3/4/2020`),
 * else that it is no date we read.
 */
export function describeUnreadDate(raw: string, order: DateOrder): string {
  const text = raw.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (ymd && inRange(ymd[2], 12) && inRange(ymd[3], 31)) return `"${text}" is not a day of the calendar`;
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (slashed && order !== 'mdy' && order !== 'dmy' && inRange(slashed[1], 12) && inRange(slashed[2], 12)) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    return (
      `"${text}" could be ${b} ${monthName(a)} or ${a} ${monthName(b)}: choose the country your ` +
      'numbers and dates are written in (Settings, phone numbers) and import again'
    );
  }
  return `"${text}" is not a date we can read`;
}

function inRange(digits: string | undefined, top: number): boolean {
  const n = Number(digits);
  return n >= 1 && n <= top;
}
