import type { z } from 'zod';
import { itemUpdateInput, type PurposeItem } from '../../contracts/purposes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import type { PurposeItemTable } from '../db/schema';
import { notFound } from '../errors';
import { validate } from '../validate';
import { presentPurpose, requirePurpose } from './purpose';
import { findItem, updateItemRow } from './purpose.queries';

/** Sets an item's next step, its date and its note ("" or null clears a field). */
export async function updateItem(
  ctx: Ctx,
  purposeId: string,
  itemId: string,
  input: z.input<typeof itemUpdateInput>,
): Promise<PurposeItem> {
  const ownerId = requireActor(ctx);
  const data = validate(itemUpdateInput, input);
  return inTransaction(ctx, async (tx) => {
    const purpose = await requirePurpose(tx, ownerId, purposeId);
    if (!(await findItem(tx.db, ownerId, purposeId, itemId))) throw notFound('item');
    const patch: Partial<PurposeItemTable> = { updated_at: nowIso(tx) };
    if (data.nextStep !== undefined) patch.next_step = data.nextStep;
    if (data.nextStepOn !== undefined) patch.next_step_on = data.nextStepOn;
    if (data.note !== undefined) patch.note = data.note;
    await updateItemRow(tx.db, ownerId, itemId, patch);
    const { items } = await presentPurpose(tx, ownerId, purpose);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw notFound('item');
    return item;
  });
}
