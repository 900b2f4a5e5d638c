import { addDays } from '../clock';
import { type Ctx, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { randomSecret } from '../ids';
import { notify, verifyEmailMail } from '../network/network-mail';
import { hashSecret } from './account';
import { findAccountById } from './account.queries';
import { countEmailVerificationsSince, insertEmailVerification } from './email-verification.queries';

const TTL_DAYS = 2;
const PER_DAY = 5;

/**
 * Mails the actor a one-time link (valid two days) that proves it reads mail at its sign-in address. Throws
 * `conflict` when already verified or when this server cannot send mail, `rate_limited` after 5 links a day.
 */
export async function requestEmailVerification(ctx: Ctx): Promise<{ sentTo: string; expiresAt: string }> {
  const accountId = requireActor(ctx);
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw notFound('account');
  if (account.email_verified_at) throw new AppError('conflict', `${account.email} is already verified`);
  if (!ctx.mailer) {
    throw new AppError(
      'conflict',
      'this server cannot send e-mail (SMTP_URL is not set); the operator can verify your address with `rapport account verify-email <email>`',
    );
  }
  const now = ctx.clock.now();
  if ((await countEmailVerificationsSince(ctx.db, accountId, addDays(now, -1).toISOString())) >= PER_DAY) {
    throw new AppError(
      'rate_limited',
      `at most ${PER_DAY} verification e-mails a day; use the last one you received`,
    );
  }
  const token = randomSecret(24);
  const expiresAt = addDays(now, TTL_DAYS).toISOString();
  await insertEmailVerification(ctx.db, {
    id: ctx.ids.next(),
    account_id: accountId,
    email_norm: account.email_norm,
    token_hash: hashSecret(token),
    created_at: nowIso(ctx),
    expires_at: expiresAt,
    used_at: null,
  });
  const sent = await notify(
    ctx,
    verifyEmailMail({
      to: { name: account.name, address: account.email },
      url: `${ctx.settings.publicUrl}/verify-email/${token}`,
      expiresAt,
    }),
    'email verification',
  );
  if (!sent)
    throw new AppError('internal', 'the mail server did not accept the verification e-mail; try again later');
  return { sentTo: account.email, expiresAt };
}
