import { describe, expect, it } from 'vitest';
import { parseConnectedOn, parseMessageDate, parseMonthYear, parseUsDateTime } from './parse-linkedin-dates';

describe('LinkedIn date parsers, one per file', () => {
  it('Connections: DD Mon YYYY and the forms Excel leaves behind', () => {
    expect(parseConnectedOn('25 Nov 2026')).toBe('2026-11-25');
    expect(parseConnectedOn('08 feb 2026')).toBe('2026-02-08');
    expect(parseConnectedOn('7-Feb-22')).toBe('2022-02-07');
    expect(parseConnectedOn('2/7/2022')).toBe('2022-02-07');
    expect(parseConnectedOn('2022-02-07')).toBe('2022-02-07');
    expect(parseConnectedOn(' 29 Feb 2024 ')).toBe('2024-02-29');
    for (const bad of ['31 Feb 2026', '29 Feb 2023', '25 Foo 2026', '13/1/2022', 'x1 Nov 2026', '', '2026']) {
      expect(parseConnectedOn(bad)).toBeUndefined();
    }
  });
  it('messages: a UTC timestamp', () => {
    expect(parseMessageDate('2025-10-06 23:49:02 UTC')).toBe('2025-10-06T23:49:02.000Z');
    expect(parseMessageDate('2025-10-06 23:49 UTC')).toBe('2025-10-06T23:49:00.000Z');
    expect(parseMessageDate('2025-10-06 24:00:00 UTC')).toBeUndefined();
    expect(parseMessageDate('10/6/25, 11:49 PM')).toBeUndefined();
  });
  it('Invitations: US date and time without a zone → the date only', () => {
    expect(parseUsDateTime('9/27/25, 8:41 AM')).toBe('2025-09-27');
    expect(parseUsDateTime('12/31/2021, 11:59 PM')).toBe('2021-12-31');
    expect(parseUsDateTime('9/27/25')).toBe('2025-09-27');
    expect(parseUsDateTime('27/9/25, 8:41 AM')).toBeUndefined();
    expect(parseUsDateTime('9/27/25, 13:41 PM')).toBeUndefined();
  });
  it('Positions: Mon YYYY or a year', () => {
    expect(parseMonthYear('Aug 2023')).toBe('2023-08');
    expect(parseMonthYear('September 2019')).toBe('2019-09');
    expect(parseMonthYear('2019')).toBe('2019');
    expect(parseMonthYear('Spring 2020')).toBeUndefined();
  });
});
