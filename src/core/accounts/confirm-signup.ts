import type { Account } from '../../contracts/auth';
import { confirmSignupInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { hashSecret } from './account';
import { insertNewAccount, isEmailTaken } from './create-account';
import {
  deletePendingSignup,
  deletePendingSignupsFor,
  findLivePendingSignup,
} from './pending-signup.queries';

export const SIGNUP_LINK_INVALID =
  'this sign-up link does not work (already used, expired or mistyped); sign up again, or sign in if you already followed it';

/**
 * The second half of an e-mail-confirmed sign-up: the link mailed by `startPendingSignup` creates the account it
 * asked for, once. The other links sent to that address stop
 * working with it. A used, expired or unknown link, or one for an address that has an account by now, is
 * `not_found` (the same answer, naming nothing).
 */
export async function confirmSignup(ctx: Ctx, body: { token: string }): Promise<Account> {
  const { token } = validate(confirmSignupInput, body);
  try {
    return await inTransaction(ctx, async (tx) => {
      const pending = await findLivePendingSignup(tx.db, hashSecret(linkToken(token)), nowIso(tx));
      // Deleting the row is what uses the link: of two clicks at once, only one deletes it.
      if (!pending || (await deletePendingSignup(tx.db, pending.id)) !== 1) throw invalidLink();
      await deletePendingSignupsFor(tx.db, pending.email_norm);
      const account = await insertNewAccount(tx, {
        email: pending.email,
        emailNorm: pending.email_norm,
        name: pending.name,
        passwordHash: pending.password_hash,
        // The link was mailed to this address and followed: that is what verifying it proves (ADR 13), so the
        // network need not ask again.
        emailVerified: true,
      });
      tx.log.info({ accountId: account.id }, 'sign-up confirmed');
      return account;
    });
  } catch (e) {
    if (isEmailTaken(e)) throw invalidLink();
    throw e;
  }
}

/** The secret from a pasted link (`…/sign-up/confirm/<secret>`) or the bare secret. */
function linkToken(input: string): string {
  const path = input.trim().split(/[?#]/)[0] ?? '';
  return /\/sign-up\/confirm\//.test(path) ? (path.split('/').filter(Boolean).pop() ?? '') : path;
}

function invalidLink(): AppError {
  return new AppError('not_found', SIGNUP_LINK_INVALID);
}
