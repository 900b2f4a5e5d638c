import { describe, expect, it } from 'vitest';
import { nameParts } from './commands/add';

describe('rapport add "<name>": the name parts', () => {
  it('splits a typed name into given and family, particles with the family', () => {
    expect(nameParts('Ada Lovelace')).toEqual({ given: 'Ada', family: 'Lovelace' });
    expect(nameParts('  Grace  Brewster Hopper ')).toEqual({ given: 'Grace Brewster', family: 'Hopper' });
    expect(nameParts('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', family: 'van Beethoven' });
    expect(nameParts('Ana de la Cruz')).toEqual({ given: 'Ana', family: 'de la Cruz' });
    expect(nameParts('Cher')).toEqual({ given: 'Cher' });
    expect(nameParts('someone@example.org')).toEqual({});
  });
});
