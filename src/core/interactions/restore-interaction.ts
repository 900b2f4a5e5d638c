import type { Interaction } from '../../contracts/relationships';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { untrashLedgerRow } from '../trash/trash.queries';
import { trashCutoff } from '../trash/trash-window';
import { toInteraction } from './interaction';
import { contactsOfInteractions, findInteraction } from './interaction.queries';

/**
 * Brings back a deleted interaction within the trash window; its contacts' strength and keep-in-touch dates are
 * recomputed with it, as deleting recomputed them without it. A contact of it that is itself in the trash keeps it,
 * hidden with the rest of that contact's history. Past the window, or not the actor's: `not_found`.
 */
export async function restoreInteraction(ctx: Ctx, id: string): Promise<Interaction> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const restored = await untrashLedgerRow(tx.db, 'interactions', ownerId, id, trashCutoff(tx), nowIso(tx));
    const row = restored ? await findInteraction(tx.db, ownerId, id) : undefined;
    if (!row) throw notFound('interaction in the trash');
    const contacts = (await contactsOfInteractions(tx.db, ownerId, [id])).get(id) ?? [];
    await refreshRelationships(
      tx,
      ownerId,
      contacts.map((c) => c.id),
    );
    return toInteraction(row, contacts);
  });
}
