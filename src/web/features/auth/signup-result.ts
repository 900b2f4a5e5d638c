import { isApiError } from '../../api/client';
import type { SessionInfo, SignupPending } from '../../api/types';

/**
 * Whether a sign-up answered "check your inbox" (a server with mail: ADR 4) rather than with a session. The answer
 * is the same whether or not the address already has an account, so the page says so for both.
 */
export function isPendingSignup(result: SessionInfo | SignupPending | undefined): result is SignupPending {
  return !!result && 'checkInbox' in result && result.checkInbox === true;
}

/** What the confirm page says when following a sign-up link failed. */
export function confirmSignupErrorMessage(error: Error | null): string | null {
  if (!error) return null;
  if (isApiError(error) && error.status === 404) {
    return 'This link does not work any more: it was already used, it expired (links work for 24 hours), or it was copied incompletely. Sign up again, or sign in if you already followed it.';
  }
  return error.message;
}

const AFTER_SIGN_UP = 'rapport.afterSignUp';

/**
 * Keeps where sign-up started (e.g. a connection invitation) across the e-mail round trip: the link opens in a new
 * tab, which has no router state. Only a path of this site is kept.
 */
export function rememberAfterSignUp(storage: Pick<Storage, 'setItem' | 'removeItem'>, from: unknown): void {
  if (isLocalPath(from)) storage.setItem(AFTER_SIGN_UP, from);
  else storage.removeItem(AFTER_SIGN_UP);
}

/** Where to go once the e-mailed link made the account (and forgets it): the remembered path, or Today. */
export function takeAfterSignUp(storage: Pick<Storage, 'getItem' | 'removeItem'>): string {
  const from = storage.getItem(AFTER_SIGN_UP);
  storage.removeItem(AFTER_SIGN_UP);
  return isLocalPath(from) ? from : '/';
}

function isLocalPath(p: unknown): p is string {
  return typeof p === 'string' && p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\');
}
