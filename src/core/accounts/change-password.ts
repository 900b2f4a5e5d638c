import type { z } from 'zod';
import { changePasswordInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { validate } from '../validate';
import { updatePasswordHash } from './account.queries';
import { checkCurrentPassword } from './check-current-password';
import { hashPassword } from './password';
import { endSessionsOfAccount } from './session.queries';

/**
 * Changes the actor's password after checking the current one, and ends every browser session of the account (the
 * caller opens a fresh one for the browser that made the change; the others are told why). API tokens stay valid.
 */
export async function changePassword(ctx: Ctx, input: z.input<typeof changePasswordInput>): Promise<void> {
  const accountId = requireActor(ctx);
  const data = validate(changePasswordInput, input);
  await checkCurrentPassword(ctx, data.currentPassword, 'currentPassword');
  const hash = await hashPassword(data.newPassword, { N: ctx.settings.scryptN });
  await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    await updatePasswordHash(tx.db, accountId, hash, now);
    await endSessionsOfAccount(tx.db, accountId, { reason: 'password_changed', at: now });
  });
  ctx.log.info({ accountId }, 'password changed; sessions revoked');
}
