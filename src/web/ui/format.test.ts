import { describe, expect, it } from 'vitest';
import { formatDate, readableDates } from './format';

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
