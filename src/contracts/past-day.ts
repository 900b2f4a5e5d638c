/**
 * What a due date or deadline before today means for its record. Back-logging is legitimate, so such a day is
 * accepted; the web form and the CLI say so instead, in these words.
 */
const CONSEQUENCE = {
  promise: 'the promise shows as overdue',
  purpose: 'the purpose is already past its deadline',
} as const;

export type PastDayKind = keyof typeof CONSEQUENCE;

/** Whether `day` is a full `YYYY-MM-DD` before `today` (empty, partial or mistyped days are not: no hint). */
export function isPastDay(day: string | null | undefined, today: string): day is string {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && day < today;
}

/** The hint under a date field: "This is in the past: the promise shows as overdue", or null. */
export function pastDayHint(kind: PastDayKind, day: string | null | undefined, today: string): string | null {
  return isPastDay(day, today) ? `This is in the past: ${CONSEQUENCE[kind]}` : null;
}

/** The CLI's one-line note after a save: "note: 2026-01-05 is in the past: the promise shows as overdue", or null. */
export function pastDayNote(kind: PastDayKind, day: string | null | undefined, today: string): string | null {
  return isPastDay(day, today) ? `note: ${day} is in the past: ${CONSEQUENCE[kind]}` : null;
}
