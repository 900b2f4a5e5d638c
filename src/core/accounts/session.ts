import type { BrowserSession, SessionEndReason } from '../../contracts/auth';
import type { SessionTable } from '../db/schema';
import { AppError, assertNever } from '../errors';

/**
 * How long a session ended by a password change or by another device is kept, only to tell its browser why it was
 * signed out: long enough for a laptop shut over a holiday, short enough that the database does not become a log.
 */
export const ENDED_SESSION_KEPT_DAYS = 7;

// First match wins: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/Chrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone|\biPad|\biPod/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** A short name for the device behind a user agent ("Firefox on Linux"), or its first characters when unknown. */
export function describeDevice(userAgent: string | null): string | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? ua.slice(0, 60);
}

export function toBrowserSession(
  row: Pick<SessionTable, 'id' | 'created_at' | 'last_seen_at' | 'expires_at' | 'user_agent'>,
  currentSessionId: string | null,
): BrowserSession {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    device: describeDevice(row.user_agent),
    current: row.id === currentSessionId,
  };
}

/** What a browser whose session was ended elsewhere is told on its next call (the reason is in the details). */
export function signedOutError(reason: SessionEndReason): AppError {
  switch (reason) {
    case 'password_changed':
      return new AppError(
        'unauthenticated',
        'you were signed out on this device because the password was changed; sign in with the new one',
        { reason },
      );
    case 'signed_out_elsewhere':
      return new AppError('unauthenticated', 'you were signed out on this device from another device', {
        reason,
      });
    default:
      return assertNever(reason);
  }
}
