import type { Purpose } from '../../contracts/purposes';
import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { cadenceChanged } from './pipeline';
import { presentPurpose, requirePurpose } from './purpose';
import { contactIdsOnPurpose, updatePurposeRow } from './purpose.queries';

/**
 * Archives a purpose (`archived: true`) or brings it back (`false`): an archived purpose keeps its items and
 * history but leaves the overview, Today and the keep-in-touch cadence.
 */
export async function archivePurpose(ctx: Ctx, id: string, archived = true): Promise<Purpose> {
  const ownerId = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requirePurpose(tx, ownerId, id);
    if (Boolean(row.archived_at) !== archived) {
      const now = nowIso(tx);
      await updatePurposeRow(tx.db, ownerId, id, { archived_at: archived ? now : null, updated_at: now });
      await cadenceChanged(tx, ownerId, row, await contactIdsOnPurpose(tx.db, ownerId, id));
    }
    return (await presentPurpose(tx, ownerId, await requirePurpose(tx, ownerId, id))).purpose;
  });
}
