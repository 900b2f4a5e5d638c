import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { PHONE_REGIONS, phoneRegionOptions } from './phone-regions';

describe('phone region choices', () => {
  it('are the countries libphonenumber reads, minus the codes ISO only reserves', () => {
    expect([...PHONE_REGIONS].sort()).toEqual(getCountries().filter((c) => c !== 'AC' && c !== 'TA'));
  });

  it('list each country once, by a real name, with no test locales', () => {
    const options = phoneRegionOptions('en');
    const names = options.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(options.map((o) => o.code)).size).toBe(options.length);
    expect(names.filter((n) => ['Germany', 'Benin', 'Serbia', 'United Kingdom'].includes(n))).toEqual([
      'Benin',
      'Germany',
      'Serbia',
      'United Kingdom',
    ]);
    expect(names.some((n) => n.startsWith('Pseudo'))).toBe(false);
    expect(options.every((o) => o.name !== o.code)).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
