/**
 * When a limit of `limit` entries in a rolling window frees up: `times` are the entries inside the window (UTC
 * ISO-8601, oldest first), counted while `created_at >= now - windowMs`. It frees once all but `limit - 1` of them
 * have left, a millisecond after the one that must leave last is `windowMs` old. Null while under the limit.
 */
export function windowFreesAt(times: readonly string[], limit: number, windowMs: number): Date | null {
  if (times.length < limit) return null;
  const leavesLast = times[Math.max(0, times.length - limit)] as string;
  return new Date(Date.parse(leavesLast) + windowMs + 1);
}

/** The later of two moments (either may be missing). */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/** `2026-11-25 10:01 UTC`: a moment for a message, rounded up to the minute so that it is never too early. */
export function utcMinute(d: Date): string {
  const up = new Date(Math.ceil(d.getTime() / 60_000) * 60_000);
  return `${up.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
