import type { PromiseView } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, requireActor } from '../context';
import type { PromiseTable } from '../db/schema';
import { toPromise } from './promise';
import { listPromises as list } from './promise.queries';

/** The actor's promises by due date, optionally with one contact or in one status. */
export async function listPromises(
  ctx: Ctx,
  opts: { contactId?: string; status?: PromiseTable['status']; limit?: number } = {},
): Promise<PromiseView[]> {
  const ownerId = requireActor(ctx);
  const today = await accountToday(ctx, ownerId);
  const rows = await list(ctx.db, ownerId, { ...opts, limit: Math.min(opts.limit ?? 200, 1000) });
  return rows.map((r) => toPromise(r, today));
}
