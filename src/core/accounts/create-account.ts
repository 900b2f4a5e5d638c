import type { Account, SignupInput } from '../../contracts/auth';
import { signupInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso } from '../context';
import { isUniqueViolation } from '../db/portable';
import { AppError } from '../errors';
import { validate } from '../validate';
import { normaliseEmail, toAccount } from './account';
import { findAccountByEmail, insertAccount } from './account.queries';
import { hashPassword } from './password';

/**
 * Creates an account without looking at the sign-up policy: the operator's path (CLI `account create`) and the
 * last step of `signUp`. Throws `validation` or `conflict` (email taken).
 */
export async function createAccount(ctx: Ctx, input: SignupInput): Promise<Account> {
  const data = validate(signupInput, input);
  const emailNorm = normaliseEmail(data.email);
  const passwordHash = await hashPassword(data.password, { N: ctx.settings.scryptN });
  return insertNewAccount(ctx, {
    email: data.email,
    emailNorm,
    name: data.name,
    passwordHash,
    emailVerified: false,
  });
}

/**
 * Stores a new account whose password is already hashed (`createAccount`, and a confirmed e-mail sign-up, whose
 * link also proves the address: `emailVerified`). Throws `conflict` (email taken).
 */
export async function insertNewAccount(
  ctx: Ctx,
  p: { email: string; emailNorm: string; name: string; passwordHash: string; emailVerified: boolean },
): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    if (await findAccountByEmail(tx.db, p.emailNorm)) throw emailTaken();
    const now = nowIso(tx);
    const row = {
      id: tx.ids.next(),
      email: p.email,
      email_norm: p.emailNorm,
      name: p.name,
      password_hash: p.passwordHash,
      created_at: now,
      updated_at: now,
      password_changed_at: now,
      email_verified_at: p.emailVerified ? now : null,
    };
    try {
      await insertAccount(tx.db, row);
    } catch (e) {
      if (isUniqueViolation(e)) throw emailTaken();
      throw e;
    }
    tx.log.info({ accountId: row.id }, 'account created');
    return toAccount(row);
  });
}

/** Whether `e` is `createAccount` refusing an address that already has an account. */
export function isEmailTaken(e: unknown): boolean {
  return e instanceof AppError && e.code === 'conflict' && e.message === EMAIL_TAKEN;
}

const EMAIL_TAKEN = 'email: an account with this email already exists';

function emailTaken(): AppError {
  return new AppError('conflict', EMAIL_TAKEN, {
    issues: [{ path: 'email', message: 'an account with this email already exists' }],
  });
}
