import { describe, expect, it } from 'vitest';
import { pastDateHint } from './past-day-hint';

describe('pastDateHint', () => {
  const today = '2026-11-27';

  it('says what a day before today means, for a promise and for a purpose', () => {
    expect(pastDateHint('promise', '2026-11-26', today)).toBe(
      'This is in the past: the promise shows as overdue',
    );
    expect(pastDateHint('purpose', '2025-01-31', today)).toBe(
      'This is in the past: the purpose is already past its deadline',
    );
  });

  it('says nothing for today, a later day, an empty field or a day still being typed', () => {
    for (const day of [today, '2026-11-28', '2027-01-01', '', '2026-1', 'yesterday']) {
      expect(pastDateHint('promise', day, today), day).toBeUndefined();
    }
  });
});
