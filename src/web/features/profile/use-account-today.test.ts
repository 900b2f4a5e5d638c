import { describe, expect, it } from 'vitest';
import { dayInZone } from './use-account-today';

describe('dayInZone', () => {
  const at = new Date('2026-11-27T12:00:00Z');

  it('is the account’s calendar day, whatever the browser’s', () => {
    expect(dayInZone('Pacific/Kiritimati', at)).toBe('2026-11-28');
    expect(dayInZone('America/Los_Angeles', at)).toBe('2026-11-27');
    expect(dayInZone('Pacific/Auckland', new Date('2026-11-13T19:00:00Z'))).toBe('2026-11-14');
  });

  it('falls back to a valid day when the zone is not loaded yet or unknown', () => {
    expect(dayInZone(undefined, at)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dayInZone('Mars/Olympus_Mons', at)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
