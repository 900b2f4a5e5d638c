/**
 * One small date parser per LinkedIn file (FORMATS §1.8): each file has its own format, so there is no generic
 * guesser here. Times without a zone are local-unknown: only their date is kept.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** A real calendar date as `YYYY-MM-DD`, or undefined (31 Feb, month 13…). */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** LinkedIn exists since 2003, so a two-digit year is always 20yy. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

// Month names as three lower-case character codes packed into one number, for the fast path below.
const PACKED_MONTHS = new Map<number, number>(
  Object.entries(MONTHS)
    .filter(([name]) => name.length === 3)
    .map(([name, month]) => [
      (name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2),
      month,
    ]),
);
// Memo of ISO strings by day for 2000–2099 ('' not computed yet, '-' a day that does not exist, like 31 Feb).
const isoByDay: string[] = new Array<string>(100 * 12 * 32).fill('');
let lastRaw = '';
let lastIso: string | undefined;

/**
 * `DD Mon YYYY` exactly as LinkedIn writes it, read from character codes with the result memoised by day:
 * 30,000 rows share a few thousand dates (and come sorted by date), so this allocates almost nothing.
 * Undefined for any other shape.
 */
function exportedConnectedOn(raw: string): string | undefined {
  if (raw === lastRaw) return lastIso;
  if (raw.length !== 11 || raw.charCodeAt(2) !== 32 || raw.charCodeAt(6) !== 32) return undefined;
  const d1 = raw.charCodeAt(0) - 48;
  const d2 = raw.charCodeAt(1) - 48;
  const y1 = raw.charCodeAt(7) - 48;
  const y2 = raw.charCodeAt(8) - 48;
  const y3 = raw.charCodeAt(9) - 48;
  const y4 = raw.charCodeAt(10) - 48;
  // `>>> 0` turns a negative difference into a huge number: one comparison per digit.
  if (d1 >>> 0 > 9 || d2 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || y4 >>> 0 > 9)
    return undefined;
  const month = PACKED_MONTHS.get(
    ((raw.charCodeAt(3) | 32) << 16) | ((raw.charCodeAt(4) | 32) << 8) | (raw.charCodeAt(5) | 32),
  );
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  if (month === undefined) return undefined;
  const day = d1 * 10 + d2;
  if (year < 2000 || year > 2099) return isoDate(year, month, day);
  const index = ((year - 2000) * 12 + month - 1) * 32 + day;
  let iso = isoByDay[index] as string;
  if (iso === '') {
    iso = isoDate(year, month, day) ?? '-';
    isoByDay[index] = iso;
  }
  lastRaw = raw;
  lastIso = iso === '-' ? undefined : iso;
  return lastIso;
}

const DAY_MON_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,4})[ -](\d{4}|\d{2})$/;
const SLASHED_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/**
 * `Connected On` of Connections.csv: `25 Nov 2026` as exported, or what Excel makes of it after a re-save
 * (`7-Feb-22`, `2/7/2022`, `2022-02-07`) → `YYYY-MM-DD`; undefined when it is none of these.
 */
export function parseConnectedOn(raw: string): string | undefined {
  const fast = exportedConnectedOn(raw);
  if (fast !== undefined) return fast;
  const text = raw.trim();
  let m = DAY_MON_YEAR.exec(text);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    return month ? isoDate(fullYear(m[3] as string), month, Number(m[1])) : undefined;
  }
  m = SLASHED_US.exec(text);
  if (m) return isoDate(fullYear(m[3] as string), Number(m[1]), Number(m[2]));
  m = ISO_DAY.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

const MESSAGE_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:UTC|Z|GMT|\+00:?00)?$/i;

/** `DATE` of messages.csv: `2025-10-06 23:49:02 UTC` (the only LinkedIn date with a zone) → ISO UTC timestamp. */
export function parseMessageDate(raw: string): string | undefined {
  const m = MESSAGE_DATE.exec(raw.trim());
  if (!m) return undefined;
  const day = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  if (!day || hour > 23 || minute > 59 || second > 59) return undefined;
  return `${day}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.000Z`;
}

const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?$/;

/**
 * `Sent At` of Invitations.csv (`9/27/25, 8:41 AM`) and the other US-style stamps (`Updated On` of Email
 * Addresses.csv, Recommendations): no zone, so only the date → `YYYY-MM-DD`.
 */
export function parseUsDateTime(raw: string): string | undefined {
  const text = raw.trim();
  const m = US_DATE_TIME.exec(text);
  if (m) {
    const hour = Number(m[4]);
    if (hour > (m[6] ? 12 : 23) || Number(m[5]) > 59) return undefined;
    return isoDate(fullYear(m[3] as string), Number(m[1]), Number(m[2]));
  }
  // The date alone, as some rows have it.
  const d = SLASHED_US.exec(text);
  return d ? isoDate(fullYear(d[3] as string), Number(d[1]), Number(d[2])) : undefined;
}

const MONTH_YEAR = /^([A-Za-z]{3,4})[a-z]*\.?\s+(\d{4})$/;
const YEAR_ONLY = /^(\d{4})$/;

/** `Started On` / `Finished On` of Positions.csv and similar: `Aug 2023` → `2023-08`, `2019` → `2019`. */
export function parseMonthYear(raw: string): string | undefined {
  const text = raw.trim();
  const m = MONTH_YEAR.exec(text);
  if (m) {
    const month =
      MONTHS[(m[1] as string).toLowerCase()] ?? MONTHS[(m[1] as string).slice(0, 3).toLowerCase()];
    const year = Number(m[2]);
    return month && year >= 1900 ? `${year}-${pad2(month)}` : undefined;
  }
  const y = YEAR_ONLY.exec(text);
  return y && Number(y[1]) >= 1900 ? (y[1] as string) : undefined;
}
