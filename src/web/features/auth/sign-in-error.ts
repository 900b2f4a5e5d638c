import { isApiError } from '../../api/client';

/** What the sign-in form says about a failed attempt; a rate limit gives the server's real wait. */
export function signInErrorMessage(error: Error | null): string | null {
  if (!error) return null;
  if (!isApiError(error)) return error.message;
  if (error.status === 401 || error.status === 400) return 'That email and password do not match an account.';
  if (error.status === 429) {
    const seconds = Number(error.details.retryAfterSeconds);
    return `Too many attempts. Try again in ${seconds > 0 ? waitInWords(seconds) : 'a few minutes'}.`;
  }
  if (error.status === 503) return 'The server is busy. Try again in a moment.';
  return error.message;
}

function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
