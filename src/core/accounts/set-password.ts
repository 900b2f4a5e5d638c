import { z } from 'zod';
import { newPassword } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso } from '../context';
import { notFound } from '../errors';
import { validate } from '../validate';
import { normaliseEmail } from './account';
import { findAccountByEmail, updatePasswordHash } from './account.queries';
import { listLiveApiTokens } from './api-token.queries';
import { hashPassword } from './password';
import { endSessionsOfAccount } from './session.queries';

const setPasswordInput = z.object({ password: newPassword });

/**
 * The operator sets a new password for someone who forgot theirs (CLI `account set-password`): no current
 * password, the operator has the database anyway. Like a change, every browser session of the account ends and
 * API tokens stay valid (ADR 4); the answer counts both so the operator can tell the person.
 */
export async function setPassword(
  ctx: Ctx,
  email: string,
  password: string,
): Promise<{ id: string; email: string; sessionsEnded: number; liveApiTokens: number }> {
  const data = validate(setPasswordInput, { password });
  const account = await findAccountByEmail(ctx.db, normaliseEmail(email));
  if (!account) throw notFound(`account ${email}`);
  const hash = await hashPassword(data.password, { N: ctx.settings.scryptN });
  const r = await inTransaction(ctx, async (tx) => {
    const now = nowIso(tx);
    await updatePasswordHash(tx.db, account.id, hash, now);
    const sessionsEnded = await endSessionsOfAccount(tx.db, account.id, {
      reason: 'password_changed',
      at: now,
    });
    const liveApiTokens = (await listLiveApiTokens(tx.db, account.id, now)).length;
    return { sessionsEnded, liveApiTokens };
  });
  ctx.log.info({ accountId: account.id }, 'password set by the operator; sessions revoked');
  return { id: account.id, email: account.email, ...r };
}
