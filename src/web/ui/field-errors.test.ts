import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { toFieldErrors } from './field-errors';

describe('toFieldErrors', () => {
  it('puts known paths next to fields and keeps the rest as a general message', () => {
    const error = new ApiError(400, 'validation', 'emails.0.value: must be an email address', [
      { path: 'emails.0.value', message: 'must be an email address' },
      { path: 'mystery', message: 'is odd' },
    ]);
    const out = toFieldErrors(error, (p) => p.startsWith('emails.'));
    expect(out.byPath.get('emails.0.value')).toBe('Must be an email address');
    expect(out.general).toBe('mystery: is odd');
  });

  it('uses the error message when no issue names a field', () => {
    const out = toFieldErrors(new ApiError(409, 'conflict', 'already exists'), () => true);
    expect(out.byPath.size).toBe(0);
    expect(out.general).toBe('already exists');
  });

  it('is empty without an error', () => {
    expect(toFieldErrors(null, () => true).general).toBeNull();
  });
});
