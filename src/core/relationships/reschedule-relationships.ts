import { lockContacts } from '../contacts/contact.queries';
import { type Ctx, inTransaction } from '../context';
import { chunkIds } from '../db/chunk';
import type { RelationshipStateTable } from '../db/schema';
import { cadenceInputs, saveStates, statesOf } from './relationship.queries';
import { DEFAULT_SETTINGS, stateRow, toStrengthState } from './relationship-state';

/**
 * Recomputes only the keep-in-touch dates of these contacts (their settings, tags or connected-on date changed;
 * strength did not), optionally changing their settings first. Contacts with no state and no change are skipped.
 * Each batch runs in one transaction (the caller's, if any) with its contacts locked, so that the strength an event
 * adds meanwhile is not written over with the one read here.
 */
export async function rescheduleRelationships(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
  change?: Partial<Pick<RelationshipStateTable, 'closeness' | 'cadence_days' | 'cadence_stopped'>>,
): Promise<void> {
  const now = ctx.clock.now();
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    await inTransaction(ctx, async (tx) => {
      await lockContacts(tx.db, ownerId, ids);
      const [states, inputs] = await Promise.all([
        statesOf(tx.db, ownerId, ids),
        cadenceInputs(tx.db, ownerId, ids),
      ]);
      const rows = ids
        .filter((id) => inputs.has(id) && (states.has(id) || change))
        .map((id) => {
          const row = states.get(id);
          const settings = { ...(row ?? DEFAULT_SETTINGS), ...change };
          return stateRow(ownerId, id, toStrengthState(row), settings, inputs.get(id), now);
        });
      await saveStates(tx.db, rows);
    });
  }
}
