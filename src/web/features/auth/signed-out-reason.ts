import { sessionEndReason } from '../../../contracts/auth';
import { isApiError } from '../../api/client';
import type { SessionEndReason } from '../../api/types';

/** Why the server says this browser was signed out (a 401's `details.reason`), or null when it did not say. */
export function signedOutReason(error: unknown): SessionEndReason | null {
  if (!isApiError(error) || error.status !== 401) return null;
  const parsed = sessionEndReason.safeParse(error.details.reason);
  return parsed.success ? parsed.data : null;
}

/** What the sign-in page tells a browser that was signed out by something other than itself. */
export function signedOutMessage(reason: SessionEndReason): string {
  switch (reason) {
    case 'password_changed':
      return 'You were signed out on this device because your password was changed. Sign in with the new password.';
    case 'signed_out_elsewhere':
      return 'You were signed out on this device from another device.';
  }
}
