import type { Purpose } from '../../contracts/purposes';
import { type Ctx, inTransaction, requireActor } from '../context';
import { isUniqueViolation } from '../db/portable';
import { notFound } from '../errors';
import { inTrashWindow } from '../trash/trash-window';
import { cadenceChanged } from './pipeline';
import { presentPurpose, purposeNameTaken, requirePurpose } from './purpose';
import { contactIdsOnPurpose, findPurpose, findPurposeByNorm, updatePurposeRow } from './purpose.queries';

/** Brings a trashed purpose back whole; `conflict` if a live purpose has taken its name meanwhile. */
export async function restorePurpose(ctx: Ctx, id: string): Promise<Purpose> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await findPurpose(tx.db, ownerId, id, { deleted: true });
    if (!row || !inTrashWindow(tx, row.deleted_at)) throw notFound('purpose in the trash');
    if (await findPurposeByNorm(tx.db, ownerId, row.name_norm)) throw purposeNameTaken(row.name);
    try {
      await updatePurposeRow(tx.db, ownerId, id, { deleted_at: null });
    } catch (e) {
      // A live purpose took the name while this request was checking.
      if (isUniqueViolation(e)) throw purposeNameTaken(row.name);
      throw e;
    }
    await cadenceChanged(tx, ownerId, row, await contactIdsOnPurpose(tx.db, ownerId, id));
    return (await presentPurpose(tx, ownerId, await requirePurpose(tx, ownerId, id))).purpose;
  });
}
