import type { Account } from '../../contracts/auth';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { toAccount } from './account';
import { findAccountById } from './account.queries';

/** The acting account. */
export async function getAccount(ctx: Ctx): Promise<Account> {
  const row = await findAccountById(ctx.db, requireActor(ctx));
  if (!row) throw notFound('account');
  return toAccount(row);
}
