import type { ApiTokenScope } from '../../contracts/auth';
import { type Ctx, nowIso } from '../context';
import { API_TOKEN_PREFIX, hashSecret, normaliseEmail } from './account';
import { findAccountById } from './account.queries';
import { findLiveApiToken, touchApiToken } from './api-token.queries';
import { findLiveSession, touchSession } from './session.queries';

// last-seen / last-used stamps are written at most this often, keeping reads free of writes.
const TOUCH_EVERY_MS = 5 * 60_000;

/** The account and session behind a session cookie token, or null when unknown, ended or expired. */
export async function authenticateSession(
  ctx: Ctx,
  token: string,
): Promise<{ accountId: string; sessionId: string } | null> {
  const now = nowIso(ctx);
  const session = await findLiveSession(ctx.db, hashSecret(token), now);
  if (!session) return null;
  if (Date.parse(now) - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS)
    await touchSession(ctx.db, session.id, now);
  return { accountId: session.account_id, sessionId: session.id };
}

/** The account behind an API bearer token and what the token may do, or null when unknown, revoked or expired. */
export async function authenticateApiToken(
  ctx: Ctx,
  token: string,
): Promise<{ accountId: string; scope: ApiTokenScope } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = nowIso(ctx);
  const row = await findLiveApiToken(ctx.db, hashSecret(token), now);
  if (!row) return null;
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await touchApiToken(ctx.db, row.id, now);
  }
  return { accountId: row.account_id, scope: row.scope };
}

/**
 * An address book's login (HTTP Basic, as CardDAV clients send it): the account's e-mail address and one of its
 * API tokens as an app password. Null unless both belong together; the account's own password is never accepted
 * here, so a phone holds a credential that can be revoked alone.
 */
export async function authenticateAppPassword(
  ctx: Ctx,
  email: string,
  token: string,
): Promise<{ accountId: string; name: string; scope: ApiTokenScope } | null> {
  const found = await authenticateApiToken(ctx, token);
  if (!found) return null;
  const account = await findAccountById(ctx.db, found.accountId);
  if (!account || account.email_norm !== normaliseEmail(email)) return null;
  return { accountId: account.id, name: account.name, scope: found.scope };
}
