import type { PromiseView } from '../../contracts/relationships';
import { accountToday } from '../agenda/account-today';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { untrashLedgerRow } from '../trash/trash.queries';
import { trashCutoff } from '../trash/trash-window';
import { toPromise } from './promise';
import { findPromise } from './promise.queries';

/**
 * Brings back a deleted promise within the trash window, as it was (status, due date). Nothing is kept about
 * promises that this must recompute: Today, the kept-on-time rate and the charts read live promises, and Today's
 * cache is dropped by any write (ADR 17). Past the window, or not the actor's: `not_found`.
 */
export async function restorePromise(ctx: Ctx, id: string): Promise<PromiseView> {
  const ownerId = requireActor(ctx);
  const today = await accountToday(ctx, ownerId);
  return inTransaction(ctx, async (tx) => {
    const restored = await untrashLedgerRow(tx.db, 'promises', ownerId, id, trashCutoff(tx), nowIso(tx));
    const row = restored ? await findPromise(tx.db, ownerId, id) : undefined;
    if (!row) throw notFound('promise in the trash');
    return toPromise(row, today);
  });
}
