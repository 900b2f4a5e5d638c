import type { LastDigestSend } from '../../contracts/relationships';
import type { Ctx } from '../context';
import { lastDigestSendOf } from './digest.queries';

export interface DigestDelivery {
  mailConfigured: boolean;
  lastDigest: LastDigestSend | null;
}

/**
 * Whether the account's daily digest can reach it: the server has a mailer (SMTP_URL, handed to the context by the
 * runtime, never read from the environment here) and how the newest due digest ended, with the SMTP error if it
 * failed. Settings shows both so a digest switched on without mail, or one that keeps failing, is not silent.
 */
export async function digestDeliveryOf(ctx: Ctx, accountId: string): Promise<DigestDelivery> {
  const last = await lastDigestSendOf(ctx.db, accountId);
  return {
    mailConfigured: ctx.mailer !== null,
    lastDigest: last
      ? { day: last.day, status: last.status, items: last.items, at: last.sent_at, error: last.error }
      : null,
  };
}
