import { describe, expect, it } from 'vitest';
import { withQuery } from './client';

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(
      withQuery('/contacts', { q: 'Zoë & co', tag: '', cursor: undefined, limit: 50, organisation: null }),
    ).toBe('/contacts?q=Zo%C3%AB+%26+co&limit=50');
    expect(withQuery('/tags')).toBe('/tags');
  });
});
