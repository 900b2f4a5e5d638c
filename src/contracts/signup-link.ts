/**
 * The sign-up page's link with an invite code filled in (for RAPPORT_SIGNUP=invite). Free of zod on purpose: the
 * sign-up page is in the web app's entry chunk and reads the same parameter.
 */
export const INVITE_PARAM = 'invite';

/** `baseUrl` without a trailing slash. The code stays out of the logs: they never record query strings. */
export const signupUrl = (baseUrl: string, code: string) =>
  `${baseUrl}/sign-up?${INVITE_PARAM}=${encodeURIComponent(code)}`;
