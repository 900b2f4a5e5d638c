import { describe, expect, it } from 'vitest';
import { promiseIdOf } from './use-today';

describe('promiseIdOf', () => {
  it('finds the promise behind my promises and theirs', () => {
    expect(promiseIdOf('promise:01a2-77')).toBe('01a2-77');
    expect(promiseIdOf('their-promise:01a2-78')).toBe('01a2-78');
  });

  it('is null for other items', () => {
    expect(promiseIdOf('keep-in-touch:abc:2026-03-01')).toBeNull();
    expect(promiseIdOf('waiting:abc')).toBeNull();
  });
});
