import type { z } from 'zod';
import { changePasswordInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { validate } from '../validate';
import { findAccountById, updatePasswordHash } from './account.queries';
import { hashPassword, verifyPassword } from './password';
import { deleteSessionsOfAccount } from './session.queries';

/**
 * Changes the actor's password after checking the current one, and revokes every browser session of the account
 * (the caller opens a fresh one for the browser that made the change). API tokens stay valid.
 */
export async function changePassword(ctx: Ctx, input: z.input<typeof changePasswordInput>): Promise<void> {
  const accountId = requireActor(ctx);
  const data = validate(changePasswordInput, input);
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw notFound('account');
  if (!(await verifyPassword(data.currentPassword, account.password_hash))) {
    throw new AppError('validation', 'currentPassword: is wrong', {
      issues: [{ path: 'currentPassword', message: 'is wrong' }],
    });
  }
  const hash = await hashPassword(data.newPassword, { N: ctx.settings.scryptN });
  await inTransaction(ctx, async (tx) => {
    await updatePasswordHash(tx.db, accountId, hash, nowIso(tx));
    await deleteSessionsOfAccount(tx.db, accountId);
  });
  ctx.log.info({ accountId }, 'password changed; sessions revoked');
}
