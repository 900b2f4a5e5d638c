import type { Interaction } from '../../api/types';
import { fromDateTimeLocal, toDateTimeLocal } from '../../ui/dates';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's When field: a `datetime-local` value, and whether only its day counts ("Only the day"). */
export interface WhenField {
  value: string;
  dayOnly: boolean;
}

/** The field as it starts: now for a new log; a saved interaction's time, or its day alone when that is all it has. */
export function startingWhen(initial?: Interaction): WhenField {
  if (!initial) return { value: toDateTimeLocal(), dayOnly: false };
  return { value: toDateTimeLocal(new Date(initial.occurredAt)), dayOnly: initial.dateOnly };
}

/**
 * What a save sends as `occurredAt`: the day alone (YYYY-MM-DD) when only the day counts, else the instant. A field
 * left as it started sends what was saved (a time keeps its seconds, the field shows minutes) or, for a day, nothing,
 * so a correction of the summary keeps the stored time and `dateOnly`. Null: nothing usable was entered.
 */
export function occurredAtToSend(field: WhenField, initial?: Interaction): { occurredAt?: string } | null {
  const start = initial ? startingWhen(initial) : null;
  const same = start !== null && field.dayOnly === start.dayOnly;
  if (field.dayOnly) {
    const day = field.value.slice(0, 10);
    if (!DAY.test(day) || Number.isNaN(Date.parse(day))) return null;
    return same && day === start.value.slice(0, 10) ? {} : { occurredAt: day };
  }
  if (initial && same && field.value === start.value) return { occurredAt: initial.occurredAt };
  const at = fromDateTimeLocal(field.value);
  return at ? { occurredAt: at } : null;
}
