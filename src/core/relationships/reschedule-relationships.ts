import type { Ctx } from '../context';
import { chunkIds } from '../db/chunk';
import type { RelationshipStateTable } from '../db/schema';
import { cadenceInputs, saveStates, statesOf } from './relationship.queries';
import { DEFAULT_SETTINGS, stateRow, toStrengthState } from './relationship-state';

/**
 * Recomputes only the keep-in-touch dates of these contacts (their settings, tags or connected-on date changed;
 * strength did not), optionally changing their settings first. Contacts with no state and no change are skipped.
 */
export async function rescheduleRelationships(
  ctx: Ctx,
  ownerId: string,
  contactIds: string[],
  change?: Partial<Pick<RelationshipStateTable, 'closeness' | 'cadence_days' | 'cadence_stopped'>>,
): Promise<void> {
  const now = ctx.clock.now();
  for (const ids of chunkIds([...new Set(contactIds)], 500)) {
    const [states, inputs] = await Promise.all([
      statesOf(ctx.db, ownerId, ids),
      cadenceInputs(ctx.db, ownerId, ids),
    ]);
    const rows = ids
      .filter((id) => inputs.has(id) && (states.has(id) || change))
      .map((id) => {
        const row = states.get(id);
        const settings = { ...(row ?? DEFAULT_SETTINGS), ...change };
        return stateRow(ownerId, id, toStrengthState(row), settings, inputs.get(id), now);
      });
    await saveStates(ctx.db, rows);
  }
}
