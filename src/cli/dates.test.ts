import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { type LocalNow, parseDay, parseMoment, relativeDay } from './dates';

const paris = (now: string, today: string): LocalNow => ({
  now: new Date(now),
  timeZone: 'Europe/Paris',
  today,
});

function issue(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, path: e.details.issues?.[0]?.path };
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('CLI dates', () => {
  it('reads days relative to the account’s today', () => {
    const today = '2024-03-01';
    expect(parseDay('today', today, 'dueOn')).toBe('2024-03-01');
    expect(parseDay('Yesterday', today, 'dueOn')).toBe('2024-02-29');
    expect(parseDay('tomorrow', today, 'dueOn')).toBe('2024-03-02');
    expect(parseDay('+7', today, 'dueOn')).toBe('2024-03-08');
    expect(parseDay('-3', today, 'dueOn')).toBe('2024-02-27');
    expect(parseDay('-3 days', today, 'dueOn')).toBe('2024-02-27');
    expect(parseDay('+1 day', today, 'dueOn')).toBe('2024-03-02');
    expect(parseDay('-10d', today, 'dueOn')).toBe('2024-02-20');
    expect(parseDay('2023-12-31', today, 'dueOn')).toBe('2023-12-31');
    for (const bad of ['2023-02-30', 'next week', '31/12/2023', '', '-3 weeks', '3 days'])
      expect(issue(() => parseDay(bad, today, 'dueOn'))).toEqual({ code: 'validation', path: 'dueOn' });
  });

  it('reads times in the account’s zone: a day alone is now when today, else midday there', () => {
    // 23:30 UTC on 30 March is already 31 March in Paris, the night the clocks go forward.
    const at = paris('2024-03-30T23:30:00Z', '2024-03-31');
    expect(parseMoment('today', at, 'occurredAt')).toBe('2024-03-30T23:30:00.000Z');
    expect(parseMoment('2024-03-31', at, 'occurredAt')).toBe('2024-03-30T23:30:00.000Z');
    expect(parseMoment('yesterday', at, 'occurredAt')).toBe('2024-03-30T11:00:00.000Z');
    // Midday on the 31st is after the change (UTC+2); an offset-less time is read on Paris clocks.
    expect(parseMoment('2024-04-01', at, 'occurredAt')).toBe('2024-04-01T10:00:00.000Z');
    expect(parseMoment('2024-03-31T09:15', at, 'occurredAt')).toBe('2024-03-31T07:15:00.000Z');
    expect(parseMoment('2024-01-15T09:15:30', at, 'occurredAt')).toBe('2024-01-15T08:15:30.000Z');
    expect(parseMoment('2024-01-15T09:15:00-05:00', at, 'occurredAt')).toBe('2024-01-15T14:15:00.000Z');
    expect(parseMoment('2024-01-15T09:15Z', at, 'occurredAt')).toBe('2024-01-15T09:15:00.000Z');
    for (const bad of ['last tuesday', '2024-02-30T10:00', '2024-01-15 09:15'])
      expect(issue(() => parseMoment(bad, at, 'occurredAt'))).toEqual({
        code: 'validation',
        path: 'occurredAt',
      });
  });

  it('says how far a day is from today', () => {
    expect(relativeDay('2024-03-01', '2024-03-01')).toBe('today');
    expect(relativeDay('2024-03-02', '2024-03-01')).toBe('tomorrow');
    expect(relativeDay('2024-02-29', '2024-03-01')).toBe('yesterday');
    expect(relativeDay('2024-05-30', '2024-03-01')).toBe('in 90 days');
    expect(relativeDay('2024-02-20', '2024-03-01')).toBe('10 days ago');
  });
});
