import { describe, expect, it } from 'vitest';
import { withoutNul } from './without-nul';

describe('withoutNul', () => {
  it('takes NUL out of strings, lists, objects and keys', () => {
    expect(withoutNul('a\u0000b\u0000')).toBe('ab');
    expect(
      withoutNul({
        name: 'Nul\u0000 Card',
        emails: [{ value: 'a@b.c' }, { value: 'x\u0000' }],
        extra: { 'k\u0000': 'v' },
      }),
    ).toEqual({ name: 'Nul Card', emails: [{ value: 'a@b.c' }, { value: 'x' }], extra: { k: 'v' } });
  });

  it('gives back the same value when there is no NUL, and leaves bytes alone', () => {
    const person = {
      name: 'Ada',
      emails: [{ value: 'ada@example.test' }],
      photo: { data: new Uint8Array([0, 1]) },
    };
    expect(withoutNul(person)).toBe(person);
    const bytes = new Uint8Array([0, 0]);
    expect(withoutNul({ bytes, s: '\u0000' }).bytes).toBe(bytes);
  });
});
