import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { notFound } from '../errors';
import { refreshRelationships } from '../relationships/refresh-relationships';
import { contactsOfInteractions, findInteraction, updateInteractionRow } from './interaction.queries';

/** Removes a logged interaction; the contacts' strength and keep-in-touch dates are recomputed without it. */
export async function deleteInteraction(ctx: Ctx, id: string): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await findInteraction(tx.db, ownerId, id))) throw notFound('interaction');
    const contacts = (await contactsOfInteractions(tx.db, ownerId, [id])).get(id)?.map((c) => c.id) ?? [];
    await updateInteractionRow(tx.db, ownerId, id, { deleted_at: nowIso(tx), updated_at: nowIso(tx) });
    await refreshRelationships(tx, ownerId, contacts);
  });
}
