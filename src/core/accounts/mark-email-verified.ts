import { type Ctx, nowIso } from '../context';
import { notFound } from '../errors';
import { normaliseEmail } from './account';
import { findAccountByEmail } from './account.queries';
import { setEmailVerified } from './email-verification.queries';

/**
 * The operator vouches for an account's address (CLI `account verify-email`, for servers without mail or the
 * people the operator knows). Returns when it counts as verified; `not_found` for an unknown address.
 */
export async function markEmailVerified(
  ctx: Ctx,
  email: string,
): Promise<{ email: string; emailVerifiedAt: string }> {
  const account = await findAccountByEmail(ctx.db, normaliseEmail(email));
  if (!account) throw notFound(`account ${email}`);
  if (account.email_verified_at) return { email: account.email, emailVerifiedAt: account.email_verified_at };
  const at = nowIso(ctx);
  await setEmailVerified(ctx.db, account.id, account.email_norm, at);
  ctx.log.info({ accountId: account.id }, 'email verified by the operator');
  return { email: account.email, emailVerifiedAt: at };
}
