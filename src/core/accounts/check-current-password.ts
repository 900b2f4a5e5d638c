import { type Ctx, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { findAccountById } from './account.queries';
import { verifyPassword } from './password';

/**
 * Proves the actor knows its current password (changing it, deleting the account): a stolen session or token alone
 * is not enough. A wrong one is a `validation` error on `field`. Call it before any transaction: scrypt is slow and
 * must not hold a lock.
 */
export async function checkCurrentPassword(ctx: Ctx, password: string, field: string): Promise<void> {
  const account = await findAccountById(ctx.db, requireActor(ctx));
  if (!account) throw notFound('account');
  if (!(await verifyPassword(password, account.password_hash))) {
    throw new AppError('validation', `${field}: is wrong`, {
      issues: [{ path: field, message: 'is wrong' }],
    });
  }
}
