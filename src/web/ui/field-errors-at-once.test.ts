import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { TEXT_FIELDS } from '../features/contacts/contact-form-state';
import { alertMessage, FIX_HIGHLIGHTED, toFieldErrors } from './field-errors';

// The contact form's placement of a text field or a channel row (contact-form.tsx `known`, without the row count).
const contactPlace = (path: string) =>
  (TEXT_FIELDS as readonly string[]).includes(path) ||
  /^(emails|phones|urls)\.\d+(\.(value|label))?$/.test(path);

describe('an answer naming several fields at once', () => {
  it('puts each message at its own field of the contact form, with nothing left for the alert', () => {
    // What POST /contacts answers for a mistyped email and a connected-on day in the future, in one response.
    const issues = [
      { path: 'emails.0.value', message: 'must be an email address' },
      { path: 'connectedOn', message: 'is in the future' },
    ];
    const error = new ApiError(
      400,
      'validation',
      'emails.0.value: must be an email address (and 1 more)',
      issues,
    );
    const out = toFieldErrors(error, contactPlace);
    expect([...out.byPath]).toEqual([
      ['emails.0.value', 'Must be an email address'],
      ['connectedOn', 'Is in the future'],
    ]);
    expect(out.general).toBeNull();
    expect(alertMessage(out)).toBe(FIX_HIGHLIGHTED);
  });
});
