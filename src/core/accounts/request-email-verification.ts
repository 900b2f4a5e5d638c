import { addDays, DAY_MS } from '../clock';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound, rateLimited } from '../errors';
import { randomSecret } from '../ids';
import { notify, verifyEmailMail } from '../network/network-mail';
import { windowFreesAt } from '../rolling-window';
import { hashSecret } from './account';
import { findAccountById, lockAccount } from './account.queries';
import {
  countEmailVerificationsSince,
  deleteEmailVerification,
  emailVerificationTimesSince,
  insertEmailVerification,
} from './email-verification.queries';

const TTL_DAYS = 2;
/** Verification links an account may ask for in a day. */
export const VERIFICATIONS_PER_DAY = 5;

/**
 * Mails the actor a one-time link (valid two days) that proves it reads mail at its sign-in address. Throws
 * `conflict` when already verified or when this server cannot send mail, `rate_limited` after 5 links a day.
 */
export async function requestEmailVerification(ctx: Ctx): Promise<{ sentTo: string; expiresAt: string }> {
  const accountId = requireActor(ctx);
  const { account, id, token, expiresAt } = await inTransaction(ctx, async (tx) => {
    // Links asked for at once are counted and stored one at a time, so none passes the daily limit.
    await lockAccount(tx.db, accountId);
    const account = await findAccountById(tx.db, accountId);
    if (!account) throw notFound('account');
    if (account.email_verified_at) throw new AppError('conflict', `${account.email} is already verified`);
    if (!tx.mailer) {
      throw new AppError(
        'conflict',
        'this server cannot send e-mail (SMTP_URL is not set); the operator can verify your address with `rapport account verify-email <email>`',
      );
    }
    const now = tx.clock.now();
    const dayAgo = addDays(now, -1).toISOString();
    const sentToday = await countEmailVerificationsSince(tx.db, accountId, dayAgo);
    if (sentToday >= VERIFICATIONS_PER_DAY) {
      const sent = await emailVerificationTimesSince(tx.db, accountId, dayAgo);
      throw rateLimited(
        `at most ${VERIFICATIONS_PER_DAY} verification e-mails a day; use the last one you received`,
        windowFreesAt(sent, VERIFICATIONS_PER_DAY, DAY_MS) ?? addDays(now, 1),
      );
    }
    const id = tx.ids.next();
    const token = randomSecret(24);
    const expiresAt = addDays(now, TTL_DAYS).toISOString();
    await insertEmailVerification(tx.db, {
      id,
      account_id: accountId,
      email_norm: account.email_norm,
      token_hash: hashSecret(token),
      created_at: nowIso(tx),
      expires_at: expiresAt,
      used_at: null,
    });
    return { account, id, token, expiresAt };
  });
  // Mailed once the link is committed, outside the transaction (the account lock is not held while SMTP answers).
  const sent = await notify(
    ctx,
    verifyEmailMail({
      to: { name: account.name, address: account.email },
      url: `${ctx.settings.publicUrl}/verify-email/${token}`,
      expiresAt,
    }),
    'email verification',
  );
  if (!sent) {
    // A link nobody received must not use up one of the day's five.
    await deleteEmailVerification(ctx.db, accountId, id);
    throw new AppError('internal', 'the mail server did not accept the verification e-mail; try again later');
  }
  return { sentTo: account.email, expiresAt };
}
