import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatWhen, readableDates } from './format';

describe('readableDates', () => {
  it('writes every ISO day in server words like the rest of the app', () => {
    const text = readableDates('next step was due 2026-11-25');
    expect(text).toBe(`next step was due ${formatDate('2026-11-25')}`);
    expect(text).not.toContain('2026-11-25');
    expect(readableDates('from 2026-01-02 to 2026-03-04')).toBe(
      `from ${formatDate('2026-01-02')} to ${formatDate('2026-03-04')}`,
    );
  });

  it('leaves words without a day alone', () => {
    expect(readableDates("3 weeks in 'reached out'")).toBe("3 weeks in 'reached out'");
  });
});

describe('formatWhen', () => {
  // Midday in the reader's own zone: the same day whatever zone the tests run in.
  const midday = new Date(2026, 10, 20, 12, 0).toISOString();

  it('shows only the day of an interaction whose time is not known, never an invented time', () => {
    expect(formatWhen(midday, true)).toBe(formatDate('2026-11-20'));
    expect(formatWhen(midday, true)).not.toMatch(/\d:\d\d/);
  });

  it('shows the day and the time of one whose time is known', () => {
    expect(formatWhen(midday, false)).toBe(formatDateTime(midday));
    expect(formatWhen(midday, false)).toMatch(/\d:\d\d/);
  });
});
