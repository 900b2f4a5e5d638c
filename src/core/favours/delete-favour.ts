import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { findFavour, updateFavourRow } from './favour.queries';

/** Removes a favour from the ledger; the relationship is recomputed without it. */
export async function deleteFavour(ctx: Ctx, id: string): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await findFavour(tx.db, ownerId, id);
    if (!row) throw notFound('favour');
    await updateFavourRow(tx.db, ownerId, id, { deleted_at: nowIso(tx), updated_at: nowIso(tx) });
    await refreshRelationships(tx, ownerId, [row.contact_id]);
  });
}
