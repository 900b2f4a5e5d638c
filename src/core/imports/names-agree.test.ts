import { describe, expect, it } from 'vitest';
import { namesAgree } from './names-agree';

const n = (displayName: string, givenName?: string) => ({ displayName, givenName });

describe('namesAgree', () => {
  it('tells people with different first names apart, surname or not', () => {
    expect(namesAgree(n('Petra Desk', 'Petra'), n('Rolf Desk', 'Rolf'))).toBe(false);
    expect(namesAgree(n('Petra Desk', 'Petra'), n('Rolf Desk'))).toBe(false);
    expect(namesAgree(n('Alice Office'), n('Bob Office'))).toBe(false);
  });

  it('takes initials, short forms, accents and a shown name holding the given name as agreeing', () => {
    expect(namesAgree(n('J. Doe', 'J.'), n('Jane Doe', 'Jane'))).toBe(true);
    expect(namesAgree(n('Rob Roy', 'Rob'), n('Robert Roy', 'Robert'))).toBe(true);
    expect(namesAgree(n('José Díaz', 'José'), n('jose diaz'))).toBe(true);
    expect(namesAgree(n('Dr Petra Desk'), n('Petra Desk', 'Petra'))).toBe(true);
  });

  it('agrees when one side has no name to compare: none, or only a number', () => {
    expect(namesAgree(n('+44 7700 900123'), n('Petra Desk', 'Petra'))).toBe(true);
    expect(namesAgree(n(''), n('Rolf'))).toBe(true);
  });
});
