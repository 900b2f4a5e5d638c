import { expect, it } from 'vitest';
import { localDay, localHour } from './local-day';

it('answers each time zone with its own format, however they interleave (formats are kept per zone)', () => {
  const at = new Date('2026-11-25T09:00:00Z');
  for (let round = 0; round < 2; round++) {
    expect(localDay(at, 'Pacific/Kiritimati')).toBe('2026-11-25');
    expect(localDay(at, 'Pacific/Pago_Pago')).toBe('2026-11-24');
    expect(localDay(at, 'UTC')).toBe('2026-11-25');
    expect(localHour(at, 'Pacific/Kiritimati')).toBe(23);
    expect(localHour(at, 'Pacific/Pago_Pago')).toBe(22);
    expect(localHour(at, 'UTC')).toBe(9);
  }
  expect(localDay(new Date('2026-11-25T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-11-26');
});

it('still refuses an unknown time zone, every time', () => {
  for (let round = 0; round < 2; round++) {
    expect(() => localDay(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localHour(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  }
});
