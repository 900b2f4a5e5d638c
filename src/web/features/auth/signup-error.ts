import { isApiError } from '../../api/client';

/**
 * Whether the server refused a sign-up without saying why (ADR 4: an address that already has an account is not
 * named as such). The form then offers to sign in instead of pointing at a field.
 */
export function isSignupRefused(error: Error | null): boolean {
  return isApiError(error) && error.status === 409 && error.details.reason === 'signup_refused';
}
