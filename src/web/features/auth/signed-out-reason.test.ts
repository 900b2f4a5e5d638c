import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { signedOutMessage, signedOutReason } from './signed-out-reason';

describe('signedOutReason', () => {
  it('reads why from a 401 that says, and nothing from anything else', () => {
    const said = (reason: unknown, status = 401) =>
      signedOutReason(new ApiError(status, 'unauthenticated', 'signed out', [], { reason }));
    expect(said('password_changed')).toBe('password_changed');
    expect(said('signed_out_elsewhere')).toBe('signed_out_elsewhere');
    expect(said(undefined)).toBeNull();
    expect(said('something new')).toBeNull();
    expect(said('session_required', 403)).toBeNull();
    expect(said('password_changed', 403)).toBeNull();
    expect(signedOutReason(new Error('offline'))).toBeNull();
  });

  it('says it on the sign-in page in plain words', () => {
    expect(signedOutMessage('password_changed')).toBe(
      'You were signed out on this device because your password was changed. Sign in with the new password.',
    );
    expect(signedOutMessage('signed_out_elsewhere')).toBe(
      'You were signed out on this device from another device.',
    );
  });
});
