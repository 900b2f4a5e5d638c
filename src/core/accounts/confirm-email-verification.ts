import { tokenInput } from '../../contracts/network';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { tokenFromLink } from '../network/connection';
import { validate } from '../validate';
import { hashSecret } from './account';
import { findAccountById } from './account.queries';
import { findUsableVerification, setEmailVerified, useVerification } from './email-verification.queries';

/**
 * Verifies the actor's email with a link it was mailed. The link only works signed in as the account it was made
 * for (so a mail scanner or the address's real owner cannot verify someone else's sign-up by clicking it), once,
 * before it expires, and only while the account still has that address. Anything else is `not_found`.
 */
export async function confirmEmailVerification(
  ctx: Ctx,
  body: { token: string },
): Promise<{ emailVerifiedAt: string }> {
  const accountId = requireActor(ctx);
  const { token } = validate(tokenInput, body);
  return inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    const found = await findUsableVerification(tx.db, accountId, hashSecret(tokenFromLink(token)), now);
    const account = await findAccountById(tx.db, accountId);
    if (!found || !account || found.email_norm !== account.email_norm) {
      throw new AppError(
        'not_found',
        'this verification link is not valid for your account (used, expired or mistyped)',
      );
    }
    if ((await useVerification(tx.db, found.id, now)) !== 1) throw notFound('verification link');
    const at = account.email_verified_at ?? now;
    if (!account.email_verified_at) await setEmailVerified(tx.db, accountId, found.email_norm, now);
    tx.log.info({ accountId }, 'email verified');
    return { emailVerifiedAt: at };
  });
}
