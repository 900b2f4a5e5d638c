import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatMonth,
  fromDateTimeLocal,
  localDay,
  relativeDay,
  toDateTimeLocal,
} from './dates';

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-11')).toBe(10);
    expect(daysBetween('2026-03-11', '2026-03-01')).toBe(-10);
  });

  it('round-trips a local date-time', () => {
    const d = new Date(2026, 2, 12, 9, 30);
    expect(toDateTimeLocal(d)).toBe('2026-03-12T09:30');
    expect(fromDateTimeLocal('2026-03-12T09:30')).toBe(d.toISOString());
    expect(fromDateTimeLocal('')).toBeNull();
    expect(localDay(d)).toBe('2026-03-12');
  });

  it('says how far a day is in words', () => {
    expect(relativeDay('2026-03-12', '2026-03-12')).toMatch(/today/i);
    expect(relativeDay('2026-03-09', '2026-03-12')).toMatch(/3 days ago/);
    expect(relativeDay('2026-06-12', '2026-03-12')).toMatch(/in 3 months/);
  });

  it('names a month', () => {
    expect(formatMonth('2026-03')).toMatch(/2026/);
  });
});
