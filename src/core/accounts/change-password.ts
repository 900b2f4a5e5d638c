import type { z } from 'zod';
import { changePasswordInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validate } from '../validate';
import { updatePasswordHash } from './account.queries';
import { checkCurrentPassword } from './check-current-password';
import { hashPassword } from './password';
import { deleteSessionsOfAccount } from './session.queries';

/**
 * Changes the actor's password after checking the current one, and revokes every browser session of the account
 * (the caller opens a fresh one for the browser that made the change). API tokens stay valid.
 */
export async function changePassword(ctx: Ctx, input: z.input<typeof changePasswordInput>): Promise<void> {
  const accountId = requireActor(ctx);
  const data = validate(changePasswordInput, input);
  await checkCurrentPassword(ctx, data.currentPassword, 'currentPassword');
  const hash = await hashPassword(data.newPassword, { N: ctx.settings.scryptN });
  await inTransaction(ctx, async (tx) => {
    await updatePasswordHash(tx.db, accountId, hash, nowIso(tx));
    await deleteSessionsOfAccount(tx.db, accountId);
  });
  ctx.log.info({ accountId }, 'password changed; sessions revoked');
}
