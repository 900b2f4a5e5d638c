import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { alertMessage, FIX_HIGHLIGHTED, soleFieldError, toFieldErrors } from './field-errors';

const validation = (...issues: { path: string; message: string }[]) =>
  new ApiError(400, 'validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);

describe('toFieldErrors', () => {
  it('puts known paths next to fields and keeps the rest as a general message', () => {
    const error = validation(
      { path: 'emails.0.value', message: 'must be an email address' },
      { path: 'mystery', message: 'is odd' },
    );
    const out = toFieldErrors(error, (p) => p.startsWith('emails.'));
    expect(out.byPath.get('emails.0.value')).toBe('Must be an email address');
    expect(out.general).toBe('mystery: is odd');
  });

  it('keeps the case of a message that starts with a file name', () => {
    const error = validation(
      { path: 'file', message: 'notazip.zip is not a zip file (only named like one)' },
      { path: 'email', message: 'is taken' },
    );
    const out = toFieldErrors(error, (p) => p === 'file' || p === 'email');
    expect(out.byPath.get('file')).toBe('notazip.zip is not a zip file (only named like one)');
    expect(out.byPath.get('email')).toBe('Is taken');
  });

  it('keeps every issue about a field the form does not show, whatever else landed on fields', () => {
    const error = validation(
      { path: 'name', message: 'is required' },
      { path: 'ownerId', message: 'is not yours' },
      { path: 'email', message: 'is taken' },
      { path: '', message: 'either a date or a note' },
    );
    const out = toFieldErrors(error, (p) => p === 'name');
    expect([...out.byPath]).toEqual([['name', 'Is required']]);
    expect(out.general).toBe('ownerId: is not yours. Email: is taken. Either a date or a note');
    expect(alertMessage(out)).toBe(out.general);
  });

  it('has no general message when every issue sits next to its field', () => {
    const out = toFieldErrors(
      validation({ path: 'name', message: 'is required' }, { path: 'email', message: 'is taken' }),
      () => true,
    );
    expect(out.byPath.size).toBe(2);
    expect(out.general).toBeNull();
    // A form that leaves the keyboard where it is still says so in its alert.
    expect(alertMessage(out)).toBe(FIX_HIGHLIGHTED);
  });

  it('puts an issue on the key `place` names, one message per distinct text', () => {
    const error = validation(
      { path: 'contactIds.0', message: 'is not a contact' },
      { path: 'contactIds.3', message: 'is not a contact' },
      { path: 'contactIds', message: 'has too many' },
    );
    const out = toFieldErrors(error, (p) => (p.startsWith('contactIds') ? 'contactIds' : false));
    expect([...out.byPath]).toEqual([['contactIds', 'Is not a contact. Has too many']]);
    expect(out.general).toBeNull();
  });

  it('uses the error message when no issue names a field', () => {
    const out = toFieldErrors(new ApiError(409, 'conflict', 'already exists'), () => true);
    expect(out.byPath.size).toBe(0);
    expect(out.general).toBe('already exists');
    expect(alertMessage(out)).toBe('already exists');
  });

  it('shows anything that is not an API error as it is', () => {
    expect(toFieldErrors(new TypeError('Failed to fetch'), () => true)).toEqual({
      byPath: new Map(),
      general: 'Failed to fetch',
    });
    expect(toFieldErrors('boom', () => true).general).toBe('Something went wrong.');
  });

  it('is empty without an error', () => {
    const out = toFieldErrors(null, () => true);
    expect(out.general).toBeNull();
    expect(out.byPath.size).toBe(0);
    expect(alertMessage(out)).toBeNull();
  });
});

describe('soleFieldError', () => {
  it("puts the field's own message and what no field shows under the one field", () => {
    const error = validation(
      { path: 'name', message: 'is too long' },
      { path: 'colour', message: 'is unknown' },
    );
    expect(
      soleFieldError(
        toFieldErrors(error, (p) => p === 'name'),
        'name',
      ),
    ).toBe('Is too long. colour: is unknown');
    expect(
      soleFieldError(
        toFieldErrors(null, () => true),
        'name',
      ),
    ).toBeUndefined();
  });
});
