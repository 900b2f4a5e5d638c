import { describe, expect, it } from 'vitest';
import { laterOf, utcMinute, windowFreesAt } from './rolling-window';

const HOUR = 3_600_000;

describe('windowFreesAt', () => {
  it('is null while under the limit', () => {
    expect(windowFreesAt([], 2, HOUR)).toBeNull();
    expect(windowFreesAt(['2026-11-25T09:00:00.000Z'], 2, HOUR)).toBeNull();
  });

  it('frees a millisecond after the oldest entry is a window old (entries count while `>= now - window`)', () => {
    const times = ['2026-11-25T09:00:00.000Z', '2026-11-25T09:20:00.000Z'];
    expect(windowFreesAt(times, 2, HOUR)?.toISOString()).toBe('2026-11-25T10:00:00.001Z');
  });

  it('over the limit (a limit lowered since), waits until enough entries have left', () => {
    const times = ['2026-11-25T09:00:00.000Z', '2026-11-25T09:10:00.000Z', '2026-11-25T09:20:00.000Z'];
    // Limit 2 with 3 in the window: two must leave, the 09:10 one last.
    expect(windowFreesAt(times, 2, HOUR)?.toISOString()).toBe('2026-11-25T10:10:00.001Z');
  });
});

describe('laterOf and utcMinute', () => {
  it('takes the later moment, either may be missing', () => {
    const a = new Date('2026-11-25T09:00:00.000Z');
    const b = new Date('2026-11-25T10:00:00.000Z');
    expect(laterOf(a, b)).toBe(b);
    expect(laterOf(b, a)).toBe(b);
    expect(laterOf(null, a)).toBe(a);
    expect(laterOf(a, null)).toBe(a);
    expect(laterOf(null, null)).toBeNull();
  });

  it('rounds up to the minute, never too early', () => {
    expect(utcMinute(new Date('2026-11-25T10:00:00.000Z'))).toBe('2026-11-25 10:00 UTC');
    expect(utcMinute(new Date('2026-11-25T10:00:00.001Z'))).toBe('2026-11-25 10:01 UTC');
  });
});
