import type { DateOrder } from './column-plan';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function valid(year: number | undefined, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1)) return undefined;
  const last = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate(); // 2000: 29 Feb is a valid birthday
  if (day > last) return undefined;
  if (year === undefined) return `--${pad2(month)}-${pad2(day)}`;
  return year >= 1000 && year <= 2999 ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
}

/** Two-digit years: the closest century that is not in the future. */
function fullYear(y: string): number {
  if (y.length !== 2) return Number(y);
  const now = new Date().getUTCFullYear() % 100;
  return Number(y) <= now ? 2000 + Number(y) : 1900 + Number(y);
}

/** Placeholders for "no date" that exporters write (Outlook: `0/0/00`, `00.00.0000`). */
export function isEmptyDateMarker(raw: string): boolean {
  return /^0{1,2}[./-]0{1,2}[./-]0{2,4}$/.test(raw.trim());
}

/**
 * A date from a contact CSV → `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (Google's ` --12-25`).
 * ISO forms are always read; `M/D/Y` or `D.M.Y` as `order` says (Outlook's language); `auto` takes only the
 * unambiguous ones (dots are day-first, a number above 12 settles slashes). Undefined when it cannot be read.
 */
export function parseContactDate(raw: string, order: DateOrder): string | undefined {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (m) return valid(undefined, Number(m[1]), Number(m[2]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4] as string);
    let dayFirst: boolean;
    if (order === 'dmy') dayFirst = true;
    else if (order === 'mdy') dayFirst = false;
    else if (m[2] === '.') dayFirst = true;
    else if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    else if (a === b) dayFirst = true;
    else return undefined; // 3/4/2020 without a known order
    return dayFirst ? valid(year, b, a) : valid(year, a, b);
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf((m[2] as string).toLowerCase()) + 1;
    return month ? valid(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf((m[1] as string).toLowerCase()) + 1;
    return month ? valid(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

/** Birthday from separate Year/Month/Day cells (Thunderbird); no year → `--MM-DD`. */
export function composeDate(year: string, month: string, day: string): string | undefined {
  if (!/^\d{1,2}$/.test(month.trim()) || !/^\d{1,2}$/.test(day.trim())) return undefined;
  const y = year.trim();
  if (y && !/^\d{4}$/.test(y)) return undefined;
  return valid(y ? Number(y) : undefined, Number(month), Number(day));
}
