import type { Account } from '../../contracts/auth';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { normaliseEmail, toAccount } from './account';
import { findAccountByEmail, findAccountById, listAccountEmails } from './account.queries';

// How many emails a "which account?" error lists before it stops.
const LISTED = 10;

/**
 * The account an operator tool (the CLI) acts as: the one with `email` when given (else `not_found`), otherwise
 * the server's only account. No account yet is `unauthenticated`; several is `validation` on `account`, listing
 * the emails so the caller can pick one.
 */
export async function resolveAccount(ctx: Ctx, email: string | undefined): Promise<Account> {
  if (email?.trim()) {
    const row = await findAccountByEmail(ctx.db, normaliseEmail(email));
    if (!row) throw new AppError('not_found', `no account with email ${email.trim()}`);
    return toAccount(row);
  }
  const accounts = await listAccountEmails(ctx.db, LISTED + 1);
  const [only] = accounts;
  if (!only) throw new AppError('unauthenticated', 'no account yet: run `rapport account create`');
  if (accounts.length > 1) {
    const emails = accounts.slice(0, LISTED).map((a) => a.email);
    const more = accounts.length > LISTED ? ', …' : '';
    const problem = `several accounts exist; choose one with --account EMAIL: ${emails.join(', ')}${more}`;
    throw new AppError('validation', `account: ${problem}`, {
      issues: [{ path: 'account', message: problem }],
      accounts: emails,
    });
  }
  const row = await findAccountById(ctx.db, only.id);
  if (!row) throw new AppError('not_found', 'the account vanished while it was being looked up');
  return toAccount(row);
}
