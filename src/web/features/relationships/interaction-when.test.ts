import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../api/types';
import { toDateTimeLocal } from '../../ui/dates';
import { occurredAtToSend, startingWhen } from './interaction-when';

// 14:30 in the reader's own zone on 20 November: the same day and time whatever zone the tests run in.
const at = new Date(2026, 10, 20, 14, 30, 15).toISOString();
const saved = (dateOnly: boolean): Interaction => ({
  id: 'i1',
  kind: 'meeting',
  occurredAt: at,
  dateOnly,
  direction: 'mutual',
  answered: null,
  summary: null,
  source: 'web',
  contacts: [],
  createdAt: at,
});

describe('the When field of the interaction form', () => {
  it('sends a day alone when only the day counts, and the instant otherwise', () => {
    expect(occurredAtToSend({ value: '2026-11-20T14:30', dayOnly: true })).toEqual({
      occurredAt: '2026-11-20',
    });
    expect(occurredAtToSend({ value: '2026-11-20T14:30', dayOnly: false })).toEqual({
      occurredAt: new Date(2026, 10, 20, 14, 30).toISOString(),
    });
    expect(occurredAtToSend({ value: '', dayOnly: true })).toBeNull();
    expect(occurredAtToSend({ value: '', dayOnly: false })).toBeNull();
  });

  it('starts a saved date-only interaction as its day, and leaves it be when the day is not changed', () => {
    expect(startingWhen(saved(true))).toEqual({ value: toDateTimeLocal(new Date(at)), dayOnly: true });
    expect(occurredAtToSend(startingWhen(saved(true)), saved(true))).toEqual({});
    expect(occurredAtToSend({ value: '2026-11-19T14:30', dayOnly: true }, saved(true))).toEqual({
      occurredAt: '2026-11-19',
    });
  });

  it('keeps a saved time to the second when untouched; ticking "only the day" sends the day', () => {
    expect(startingWhen(saved(false)).dayOnly).toBe(false);
    expect(occurredAtToSend(startingWhen(saved(false)), saved(false))).toEqual({ occurredAt: at });
    expect(occurredAtToSend({ ...startingWhen(saved(false)), dayOnly: true }, saved(false))).toEqual({
      occurredAt: '2026-11-20',
    });
  });
});
