import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { toFieldErrors } from '../../ui/field-errors';
import { fieldOf } from './use-form-errors';

describe('fieldOf', () => {
  const place = fieldOf(['kind', 'contactIds', 'occurredAt']);

  it('puts a nested path on its field and leaves unknown paths unplaced', () => {
    expect(place('contactIds.2')).toBe('contactIds');
    expect(place('occurredAt')).toBe('occurredAt');
    expect(place('direction')).toBe(false);
    expect(place('')).toBe(false);
  });

  it('with toFieldErrors: a field error does not swallow an issue about a field the form does not show', () => {
    const error = new ApiError(400, 'validation', 'occurredAt: is in the future', [
      { path: 'occurredAt', message: 'is in the future' },
      { path: 'contactIds.1', message: 'is not a contact' },
      { path: 'direction', message: 'is required' },
    ]);
    const out = toFieldErrors(error, place);
    expect([...out.byPath]).toEqual([
      ['occurredAt', 'Is in the future'],
      ['contactIds', 'Is not a contact'],
    ]);
    expect(out.general).toBe('direction: is required');
  });
});
