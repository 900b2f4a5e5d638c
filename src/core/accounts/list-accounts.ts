import type { Ctx } from '../context';
import { listAccountEmails } from './account.queries';

/** Every account on the server (id and email), oldest first: for the operator, who already holds the database. */
export async function listAccounts(ctx: Ctx, limit = 1000): Promise<{ id: string; email: string }[]> {
  return listAccountEmails(ctx.db, limit);
}
