import { createHmac, timingSafeEqual } from 'node:crypto';
import { UUID_PATTERN } from '../../contracts/common';
import { updateSettings } from '../agenda/update-settings';
import { actingAs, type Ctx } from '../context';
import { notFound } from '../errors';
import { unsubscribeKeyOf } from './digest.queries';

const PURPOSE = 'rapport digest unsubscribe v1:';
const ACCOUNT_ID = new RegExp(`^${UUID_PATTERN}$`);

/**
 * The secret part of an account's one-click unsubscribe link (RFC 8058): an HMAC of the account id keyed by its
 * password hash, so nothing extra is stored, nobody without the e-mail (or the database) can make one, and a new
 * password retires the links in older digests.
 */
export function unsubscribeToken(accountId: string, key: string): string {
  return createHmac('sha256', key).update(`${PURPOSE}${accountId}`).digest('base64url');
}

/** The https (or http, on a local server) link a digest's List-Unsubscribe header and footer carry. */
export function unsubscribeUrl(baseUrl: string, accountId: string, key: string): string {
  return `${baseUrl}/digest/unsubscribe/${accountId}/${unsubscribeToken(accountId, key)}`;
}

/**
 * Turns the daily digest off for the account a valid unsubscribe link names (no session needed: the link is the
 * credential). A wrong, old or malformed link throws `not_found`, the same for every reason.
 */
export async function unsubscribeFromDigest(ctx: Ctx, accountId: string, token: string): Promise<void> {
  if (!ACCOUNT_ID.test(accountId) || token.length > 100) throw notFound('link');
  const key = await unsubscribeKeyOf(ctx.db, accountId);
  const expected = Buffer.from(key ? unsubscribeToken(accountId, key) : '');
  const given = Buffer.from(token);
  if (!key || expected.length !== given.length || !timingSafeEqual(expected, given)) throw notFound('link');
  await updateSettings(actingAs(ctx, accountId), { digestEnabled: false });
  ctx.log.info({ accountId }, 'daily digest turned off from an unsubscribe link');
}
