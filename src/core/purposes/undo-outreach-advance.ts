import { type Ctx, inTransaction, nowIso, requireActor } from '../context';
import { deleteStageMove } from '../duplicates/duplicates.queries';
import { cadenceChanged } from './pipeline';
import {
  deleteItemRow,
  findPurpose,
  itemsOfContacts,
  lastPosition,
  listPurposeRows,
  lockPurpose,
  movesOfItem,
  updateItemRow,
} from './purpose.queries';
import { parseStages, roleIndex } from './stages';

/**
 * Takes back what `advanceForOutreach('reached-out')` did for a first message taken back (`undoOutreachSent`), on the
 * purposes it looked at (the named one, else every active one). A place is put back only while the send's move is
 * still its latest: recorded by outreach at or after `since` (when the send was recorded), into the stage it is in
 * now. A move goes back to the stage it came from (with the time in stage it had, at the bottom of that column) and
 * its record goes; a place the send made goes when nothing on it changed since. A move since (by hand, or a reply's)
 * leaves the place as it is, as does a stage removed since. Joins the caller's transaction.
 */
export async function undoOutreachAdvance(
  ctx: Ctx,
  input: { contactId: string; purposeId: string | null; since: string },
): Promise<void> {
  const ownerId = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const purposes = input.purposeId
      ? [await findPurpose(tx.db, ownerId, input.purposeId)]
      : await listPurposeRows(tx.db, ownerId, 'active');
    for (const purpose of purposes) {
      if (!purpose) continue;
      await lockPurpose(tx.db, ownerId, purpose.id);
      const item = (await itemsOfContacts(tx.db, ownerId, purpose.id, [input.contactId])).get(
        input.contactId,
      );
      if (!item) continue;
      const moves = await movesOfItem(tx.db, ownerId, item.id);
      const last = moves.at(-1);
      if (last?.source !== 'outreach' || last.moved_at < input.since || last.to_stage !== item.stage)
        continue;
      if (last.from_stage === null) {
        // Placed by the send: taken off again unless the card was changed since (a note, a next step, a reorder).
        if (moves.length !== 1 || item.updated_at !== last.moved_at) continue;
        await deleteItemRow(tx.db, ownerId, item.id);
        await cadenceChanged(tx, ownerId, purpose, [item.contact_id]);
        continue;
      }
      const stages = parseStages(purpose.stages);
      // Only the 'reached out' move is the send's: a later reply's move ('responded') stays.
      if (stages[roleIndex(stages, 'reached-out')]?.id !== last.to_stage) continue;
      if (!stages.some((s) => s.id === last.from_stage)) continue;
      const previous = moves.at(-2);
      await updateItemRow(tx.db, ownerId, item.id, {
        stage: last.from_stage,
        stage_since: previous?.moved_at ?? item.created_at,
        position: (await lastPosition(tx.db, ownerId, purpose.id, last.from_stage)) + 1,
        updated_at: nowIso(tx),
      });
      await deleteStageMove(tx.db, ownerId, last.id);
      await cadenceChanged(tx, ownerId, purpose, [item.contact_id]);
    }
  });
}
