import { describe, expect, it } from 'vitest';
import { fold, words } from './fold';

describe('fold', () => {
  it('drops accents and case', () => {
    expect(fold('Élodie Müller-Søren')).toBe('elodie muller-soren');
    expect(fold('ŁUKASZ Straße')).toBe('lukasz strasse');
  });
  it('splits words on anything that is not a letter or digit', () => {
    expect(words('Ada.Lovelace@Example.com, "R&D" 2nd')).toEqual([
      'ada',
      'lovelace',
      'example',
      'com',
      'r',
      'd',
      '2nd',
    ]);
  });
  it('keeps non-latin letters', () => {
    expect(words('陈 伟 Ωmega')).toEqual(['陈', '伟', 'ωmega']);
  });
});
