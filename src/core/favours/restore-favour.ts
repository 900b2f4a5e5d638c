import type { Favour } from '../../contracts/relationships';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { untrashLedgerRow } from '../trash/trash.queries';
import { trashCutoff } from '../trash/trash-window';
import { toFavour } from './favour';
import { findFavour } from './favour.queries';

/**
 * Brings back a deleted favour within the trash window; the relationship is recomputed with it, as deleting
 * recomputed it without it. Past the window, or not the actor's: `not_found`.
 */
export async function restoreFavour(ctx: Ctx, id: string): Promise<Favour> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const restored = await untrashLedgerRow(tx.db, 'favours', ownerId, id, trashCutoff(tx), nowIso(tx));
    const row = restored ? await findFavour(tx.db, ownerId, id) : undefined;
    if (!row) throw notFound('favour in the trash');
    await refreshRelationships(tx, ownerId, [row.contact_id]);
    return toFavour(row);
  });
}
