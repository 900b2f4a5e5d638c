import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../api/client';
import { isSignupRefused } from './signup-error';

const body = (code: string, message: string, details = {}) =>
  JSON.stringify({ error: { code, message, details } });

describe('a refused sign-up', () => {
  it('is the generic refusal only, not any other conflict or error', () => {
    const refused = errorFromResponse(
      409,
      '',
      body('conflict', 'could not create an account with these details', { reason: 'signup_refused' }),
    );
    expect(isSignupRefused(refused)).toBe(true);
    const taken = errorFromResponse(
      409,
      '',
      body('conflict', 'email: an account with this email already exists', {
        issues: [{ path: 'email', message: 'an account with this email already exists' }],
      }),
    );
    expect(isSignupRefused(taken)).toBe(false);
    expect(isSignupRefused(errorFromResponse(403, '', body('forbidden', 'closed')))).toBe(false);
    expect(isSignupRefused(new Error('offline'))).toBe(false);
    expect(isSignupRefused(null)).toBe(false);
  });
});
