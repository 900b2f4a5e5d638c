import { type Ctx, inTransaction, requireActor } from '../context';
import { notFound } from '../errors';
import { cadenceChanged } from './pipeline';
import { requirePurpose } from './purpose';
import { deleteItemRow, findItem } from './purpose.queries';

/** Takes a contact off a purpose, with the item's stage history; the contact itself is untouched. */
export async function removeItem(ctx: Ctx, purposeId: string, itemId: string): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const purpose = await requirePurpose(tx, ownerId, purposeId);
    const item = await findItem(tx.db, ownerId, purposeId, itemId);
    if (!item) throw notFound('item');
    await deleteItemRow(tx.db, ownerId, itemId);
    await cadenceChanged(tx, ownerId, purpose, [item.contact_id]);
  });
}
