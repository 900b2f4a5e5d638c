import type { z } from 'zod';
import { deleteAccountInput } from '../../contracts/auth';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { expireOpenIntroductionsOfTarget } from '../introductions/introduction.queries';
import { acceptedConnectionsOf } from '../network/connection.queries';
import { endConnection } from '../network/end-connection';
import { networkChanged } from '../network/index/load-network-index';
import { validate } from '../validate';
import { normaliseEmail } from './account';
import {
  countOwnedRecords,
  deleteAccountRow,
  findAccountByEmail,
  lockAccount,
  type OwnedRecordCounts,
} from './account.queries';
import { checkCurrentPassword } from './check-current-password';
import { forgetInviteUser } from './signup-invite.queries';

/**
 * The signed-in account deletes itself and everything it owns, after giving its current password (a stolen
 * session or token alone must not be enough to erase a rolodex). Other accounts keep their own records (ADR 21).
 */
export async function deleteAccount(ctx: Ctx, input: z.input<typeof deleteAccountInput>): Promise<void> {
  const accountId = requireActor(ctx);
  const data = validate(deleteAccountInput, input);
  await checkCurrentPassword(ctx, data.password, 'password');
  await eraseAccount(ctx, accountId, 'self');
}

/**
 * The operator's path (CLI `account delete`): no password, the operator has the database anyway. Without
 * `confirmed` nothing is deleted and the answer says what would be.
 */
export async function deleteAccountAsOperator(
  ctx: Ctx,
  email: string,
  opts: { confirmed: boolean },
): Promise<{ id: string; email: string; deleted: boolean; owned: OwnedRecordCounts }> {
  const account = await findAccountByEmail(ctx.db, normaliseEmail(email));
  if (!account) throw notFound(`account ${email}`);
  const owned = await countOwnedRecords(ctx.db, account.id);
  if (opts.confirmed) await eraseAccount(ctx, account.id, 'operator');
  return { id: account.id, email: account.email, deleted: opts.confirmed, owned };
}

/**
 * The one deletion both paths share: its connections end (as if removed), the row goes, foreign keys cascade, and
 * every network index is told.
 */
async function eraseAccount(ctx: Ctx, accountId: string, by: 'self' | 'operator'): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await lockAccount(tx.db, accountId);
    await forgetInviteUser(tx.db, accountId);
    // The cascade would drop the connections silently; ending each first ends what it started on the other side.
    for (const row of await acceptedConnectionsOf(tx.db, accountId)) await endConnection(tx, row);
    // Introductions waiting on this account as the person asked have nobody left to answer them.
    await expireOpenIntroductionsOfTarget(tx.db, accountId, nowIso(tx));
    if ((await deleteAccountRow(tx.db, accountId)) !== 1) throw notFound('account');
    // Its connections and findable contacts leave the graph now, not at the next background refresh (ADR 14).
    await networkChanged(tx);
  });
  ctx.log.info({ accountId, by }, 'account deleted');
}
