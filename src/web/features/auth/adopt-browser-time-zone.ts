import { api, setCsrfToken } from '../../api/client';
import type { AccountSettings, SessionInfo } from '../../api/types';

/**
 * A new account starts in UTC; the browser that made it knows where its owner lives. Setting that zone before the
 * first page loads makes Today's day, promise due dates and the digest hour local from the first minute. Best
 * effort: a zone the server does not know (or a failed request) leaves UTC, which Settings still offers to change.
 */
export async function adoptBrowserTimeZone(session: SessionInfo): Promise<void> {
  let zone: string | undefined;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!zone || zone === 'UTC' || !session.csrfToken) return;
  setCsrfToken(session.csrfToken);
  await api.patch<AccountSettings>('/settings', { timeZone: zone }).catch(() => undefined);
}
