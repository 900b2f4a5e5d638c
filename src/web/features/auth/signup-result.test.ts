import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../api/client';
import {
  confirmSignupErrorMessage,
  isPendingSignup,
  rememberAfterSignUp,
  takeAfterSignUp,
} from './signup-result';

const body = (code: string, message: string) => JSON.stringify({ error: { code, message, details: {} } });

describe('a sign-up confirmed by e-mail', () => {
  it('tells "check your inbox" from a session', () => {
    expect(isPendingSignup({ checkInbox: true, linkValidHours: 24 })).toBe(true);
    expect(
      isPendingSignup({
        account: { id: 'a', email: 'ada@example.test', name: 'Ada', createdAt: '2026-11-27T10:00:00.000Z' },
        csrfToken: 'x',
        via: 'session',
      }),
    ).toBe(false);
    expect(isPendingSignup(undefined)).toBe(false);
  });

  it('explains a link that no longer works, and passes other errors on', () => {
    expect(confirmSignupErrorMessage(null)).toBeNull();
    expect(confirmSignupErrorMessage(errorFromResponse(404, '', body('not_found', 'gone')))).toMatch(
      /already used, it expired \(links work for 24 hours\)/,
    );
    expect(
      confirmSignupErrorMessage(errorFromResponse(429, '', body('rate_limited', 'too many, retry'))),
    ).toBe('too many, retry');
  });
});

describe('where a confirmed sign-up goes on', () => {
  function memory() {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  }

  it('to where sign-up started, once', () => {
    const s = memory();
    rememberAfterSignUp(s, '/connect/abc');
    expect(takeAfterSignUp(s)).toBe('/connect/abc');
    expect(takeAfterSignUp(s)).toBe('/');
  });

  it('to Today when nothing, or no path of this site, was remembered', () => {
    const s = memory();
    expect(takeAfterSignUp(s)).toBe('/');
    for (const from of ['https://evil.example/', '//evil.example', '/\\evil.example', undefined, 42]) {
      rememberAfterSignUp(s, from);
      expect(takeAfterSignUp(s)).toBe('/');
    }
  });
});
