import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../api/client';
import { signInErrorMessage } from './sign-in-error';

const body = (code: string, message: string, details = {}) =>
  JSON.stringify({ error: { code, message, details } });

describe('sign-in error messages', () => {
  it('says the real wait the server gave for a rate limit, not "a minute"', () => {
    const locked = errorFromResponse(
      429,
      'Too Many Requests',
      body('rate_limited', 'Rate limit exceeded, retry in 15 minutes', { retryAfterSeconds: 900 }),
    );
    expect(signInErrorMessage(locked)).toBe('Too many attempts. Try again in 15 minutes.');
    const almost = errorFromResponse(429, '', body('rate_limited', 'x', { retryAfterSeconds: 61 }));
    expect(signInErrorMessage(almost)).toBe('Too many attempts. Try again in 2 minutes.');
    const seconds = errorFromResponse(429, '', body('rate_limited', 'x', { retryAfterSeconds: 40 }));
    expect(signInErrorMessage(seconds)).toBe('Too many attempts. Try again in 40 seconds.');
    const unknown = errorFromResponse(429, '', body('rate_limited', 'x'));
    expect(signInErrorMessage(unknown)).toBe('Too many attempts. Try again in a few minutes.');
  });

  it('keeps one answer for a wrong password and an unknown email, and explains a busy server', () => {
    const wrong = errorFromResponse(401, '', body('unauthenticated', 'email or password is wrong'), true);
    expect(signInErrorMessage(wrong)).toBe('That email and password do not match an account.');
    const busy = errorFromResponse(503, '', body('unavailable', 'busy'));
    expect(signInErrorMessage(busy)).toBe('The server is busy. Try again in a moment.');
    expect(signInErrorMessage(null)).toBeNull();
  });
});
