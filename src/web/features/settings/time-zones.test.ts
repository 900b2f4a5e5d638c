import { describe, expect, it } from 'vitest';
import { timeZones } from './time-zones';

describe('the time-zone list', () => {
  const chromium = ['Africa/Abidjan', 'Europe/London', 'Pacific/Auckland'];

  it('offers UTC once to an account in UTC, though the browser does not list it', () => {
    const zones = timeZones('UTC', chromium);
    expect(zones.filter((z) => z === 'UTC')).toEqual(['UTC']);
    expect(zones).toEqual(['UTC', ...chromium]);
  });

  it('puts UTC first, then a zone the browser lacks, and never repeats one it lists', () => {
    expect(timeZones('Europe/Kyiv', chromium)).toEqual(['UTC', 'Europe/Kyiv', ...chromium]);
    expect(timeZones('Europe/London', [...chromium, 'UTC'])).toEqual([...chromium, 'UTC']);
    const all = timeZones('UTC');
    expect(new Set(all).size).toBe(all.length);
  });
});
