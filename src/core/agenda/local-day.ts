// Building an Intl.DateTimeFormat costs ~0.1–0.2 ms (more than a whole Today query); one per time zone is kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(
  cache: Map<string, Intl.DateTimeFormat>,
  make: () => Intl.DateTimeFormat,
  timeZone: string,
) {
  let f = cache.get(timeZone);
  if (!f) {
    f = make(); // throws on an unknown zone, as before; nothing is cached then
    cache.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) at `at` in a time zone: "today" for an account is its own local day. */
export function localDay(at: Date, timeZone: string): string {
  return formatOf(
    dayFormats,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    timeZone,
  ).format(at);
}

/** The local hour (0–23) at `at` in a time zone. */
export function localHour(at: Date, timeZone: string): number {
  return Number(
    formatOf(
      hourFormats,
      () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }),
      timeZone,
    ).format(at),
  );
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `ms`. */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time (`YYYY-MM-DDTHH:MM:SS`) happens in a time zone. */
export function zonedInstant(wall: string, timeZone: string): Date {
  const asUtc = Date.parse(`${wall}Z`);
  // The offset at the guess can differ from the one at the answer across a DST change; a second pass settles it.
  let t = asUtc - zoneOffset(asUtc, timeZone);
  t = asUtc - zoneOffset(t, timeZone);
  return new Date(t);
}
