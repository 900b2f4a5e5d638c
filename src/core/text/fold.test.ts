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
  it('folds plain ASCII exactly as the full Unicode path does', () => {
    // fold(s + 'é') takes the full path; its last letter folds to 'e'.
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    for (const s of [ascii, 'Ada LOVELACE', 'R&D, Inc. (UK) #42', '']) {
      expect(fold(s)).toBe(fold(`${s}é`).slice(0, -1));
    }
  });
  it('keeps non-latin letters', () => {
    expect(words('陈 伟 Ωmega')).toEqual(['陈', '伟', 'ωmega']);
  });
});
