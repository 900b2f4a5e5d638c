import { type Account, type LoginInput, loginInput } from '../../contracts/auth';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { validate } from '../validate';
import { normaliseEmail, toAccount } from './account';
import { findAccountByEmail } from './account.queries';
import { hashPassword, verifyPassword } from './password';

// Verified against when the email is unknown, so both failures take the same time.
let decoyHash: Promise<string> | undefined;

/** Checks email + password. Both failures give the same `unauthenticated` error so accounts cannot be probed. */
export async function logIn(ctx: Ctx, input: LoginInput): Promise<Account> {
  const data = validate(loginInput, input);
  const account = await findAccountByEmail(ctx.db, normaliseEmail(data.email));
  if (!account) {
    // Not kept when it failed (the server was too busy): the next unknown email makes it again.
    decoyHash ??= hashPassword('decoy-password', { N: ctx.settings.scryptN }).catch((e: unknown) => {
      decoyHash = undefined;
      throw e;
    });
    await verifyPassword(data.password, await decoyHash);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(data.password, account.password_hash))) throw wrongCredentials();
  return toAccount(account);
}

function wrongCredentials(): AppError {
  return new AppError('unauthenticated', 'email or password is wrong');
}
