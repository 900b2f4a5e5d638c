import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { purgeAfter } from '../trash/trash-window';
import { cadenceChanged } from './pipeline';
import { requirePurpose } from './purpose';
import { contactIdsOnPurpose, updatePurposeRow } from './purpose.queries';

/** Moves a purpose to the trash with its items and history; restorable for the trash window (ADR 5). */
export async function deletePurpose(ctx: Ctx, id: string): Promise<{ purgeAfter: string }> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requirePurpose(tx, ownerId, id);
    const at = nowIso(tx);
    await updatePurposeRow(tx.db, ownerId, id, { deleted_at: at });
    await cadenceChanged(tx, ownerId, row, await contactIdsOnPurpose(tx.db, ownerId, id));
    return { purgeAfter: purgeAfter(tx, at) };
  });
}
